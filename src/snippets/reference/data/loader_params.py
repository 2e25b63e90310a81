"""DataLoader の主な引数を、意味がわかる値で指定する。

``num_workers`` は使える CPU 数を超えないようにし、``pin_memory`` は CUDA が
あるときだけ有効にする(CPU だけの環境で True にすると警告が出るだけで
効果はない)。
"""

import os

import torch
from torch.utils.data import DataLoader, Dataset


class SampleDataset(Dataset):
    def __init__(self, n=100):
        g = torch.Generator().manual_seed(0)
        self.data = torch.randn(n, 4, generator=g)  # データセットの初期化

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


# 子プロセスで読み込む(num_workers > 0)ときは、実行する部分を
# if __name__ == "__main__": の中に書く。macOS と Windows の子プロセスは
# このファイルを import し直す(spawn)ので、そうしないと子プロセスが
# そこでまた子プロセスを作ろうとして RuntimeError になる
if __name__ == "__main__":
    cpus = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    )
    train_loader = DataLoader(
        dataset=SampleDataset(),  # [必須] 使う Dataset
        batch_size=32,  # 1 バッチのサンプル数(既定は 1)
        shuffle=True,  # エポックごとに順序を入れ替える(学習時は True)
        num_workers=min(2, cpus),  # 読み込みの子プロセス数(0 はメインのみ)
        collate_fn=None,  # サンプルのリストをバッチにする関数(None は既定)
        pin_memory=torch.cuda.is_available(),  # CUDA への転送を速くする
        drop_last=False,  # 最後の半端なバッチを捨てるか(既定は False)
    )

    sizes = [len(batch) for batch in train_loader]
    print(
        f"num_workers={train_loader.num_workers}, "
        f"pin_memory={train_loader.pin_memory}"
    )
    print(f"drop_last=False: バッチの大きさ {sizes}")

    dropped = DataLoader(SampleDataset(), batch_size=32, drop_last=True)
    sizes_dropped = [len(batch) for batch in dropped]
    print(f"drop_last=True:  バッチの大きさ {sizes_dropped}")
