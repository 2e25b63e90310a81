"""GPU で学習するときの DataLoader の設定(GPU がなくても動く)。

``pin_memory=True`` でページロックされたメモリにバッチを置き、
``.to(device, non_blocking=True)`` で転送を計算と重ねられるようにする。
どちらも CUDA があるときだけ意味を持つので、環境から決める。
"""

import os

import torch
from torch.utils.data import DataLoader, TensorDataset

# 子プロセスで読み込むときは、実行する部分を if __name__ == "__main__": の
# 中に書く(macOS と Windows の子プロセスはこのファイルを import し直す)
if __name__ == "__main__":
    use_cuda = torch.cuda.is_available()
    device = torch.device("cuda" if use_cuda else "cpu")
    cpus = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    )

    torch.manual_seed(0)
    train_dataset = TensorDataset(
        torch.randn(512, 3, 32, 32), torch.randint(0, 10, (512,))
    )

    dataloader = DataLoader(
        dataset=train_dataset,
        batch_size=64,  # GPU メモリに収まる範囲で決める
        shuffle=True,
        num_workers=min(4, cpus),  # CPU 数を超えない
        pin_memory=use_cuda,  # CUDA があるときだけ
        persistent_workers=True,  # エポックごとに子プロセスを作り直さない
        drop_last=False,
    )

    n = 0
    for x, y in dataloader:
        x = x.to(device, non_blocking=use_cuda)
        y = y.to(device, non_blocking=use_cuda)
        n += 1
    print(
        f"device={device}, num_workers={dataloader.num_workers}, "
        f"pin_memory={dataloader.pin_memory}"
    )
    print(f"{n} バッチ、最後のバッチ {tuple(x.shape)} on {x.device}")
