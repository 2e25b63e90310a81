"""DistributedDataParallel(DDP)の学習プロセス 1 つ分(torchrun で起動する)。

``torchrun --nproc-per-node 2 ddp_worker.py`` と起動すると、同じ
スクリプトが 2 プロセスで動く。各プロセスは環境変数 RANK / WORLD_SIZE で
自分の番号を知り、``DistributedSampler`` でデータの別々の部分を受け持つ。
``DDP`` は ``backward()`` のたびに全プロセスの勾配を平均する(all-reduce)
ので、同じ初期値から始めたモデルは、ずっと同じ重みのまま進む。
CPU では通信に gloo バックエンドを使う(GPU なら nccl)。

環境変数 DDP_OUT_DIR でディレクトリを指定すると、学習後の重みと各エポックの
記録を rank ごとのファイルに保存する。
torchrun を使わずに直接実行したときは、1 プロセスだけで動く。
"""

# helper: roadmap/gpu_distributed/ddp_launch

import os
import socket
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler


def init_process_group() -> None:
    if "RANK" in os.environ:  # torchrun が設定する環境変数を使う
        dist.init_process_group(backend="gloo")
    else:  # 直接実行: 1 プロセスだけのグループを作る
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        dist.init_process_group(
            backend="gloo",
            init_method=f"tcp://127.0.0.1:{port}",
            rank=0,
            world_size=1,
        )


def main(out_dir: Path | None) -> dict[str, torch.Tensor]:
    init_process_group()
    rank, world_size = dist.get_rank(), dist.get_world_size()
    try:
        # データは全プロセスで同じものを作り、sampler で分担する
        g = torch.Generator().manual_seed(0)
        X = torch.randn(256, 8, generator=g)
        true_w = torch.linspace(-1.0, 1.0, 8).unsqueeze(1)
        y = X @ true_w + 0.1 * torch.randn(256, 1, generator=g)
        sampler = DistributedSampler(TensorDataset(X, y), shuffle=True, seed=0)
        loader = DataLoader(
            TensorDataset(X, y), batch_size=32, sampler=sampler
        )

        # rank ごとに違う初期値にしても、DDP が rank 0 の重みを配る
        torch.manual_seed(rank)
        net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
        model = DDP(net)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
        loss_fn = nn.MSELoss()

        log = []  # 各エポックの記録(rank ごとのファイルにも書く)
        for epoch in range(5):
            sampler.set_epoch(epoch)  # エポックごとに分担の順序を変える
            total = 0.0
            for xb, yb in loader:
                optimizer.zero_grad()
                loss = loss_fn(model(xb), yb)
                loss.backward()  # ここで勾配が全プロセスで平均される
                optimizer.step()
                total += loss.item() * len(xb)
            log.append(
                f"[rank {rank}/{world_size}] epoch {epoch + 1}: "
                f"担当 {len(sampler)} 件, 平均損失 {total / len(sampler):.4f}"
            )
            print(log[-1], flush=True)

        state = {
            k: v.detach().clone() for k, v in model.module.state_dict().items()
        }
        if out_dir is not None:
            torch.save(state, out_dir / f"rank{rank}.pt")
            (out_dir / f"rank{rank}.log").write_text("\n".join(log) + "\n")
        return state
    finally:
        dist.destroy_process_group()


if __name__ == "__main__":
    out = os.environ.get("DDP_OUT_DIR")
    final_state = main(Path(out) if out else None)
