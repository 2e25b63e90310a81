"""CPU だけで DDP を試す: torchrun で 2 プロセスを起動し、重みを比べる。

``python -m torch.distributed.run``(``torchrun`` コマンドと同じ)で
``ddp_worker.py`` を 2 プロセス起動する。``--standalone`` は、このマシンの
空いているポートで、プロセス同士が落ち合う場所を自動で用意する。
各プロセスが保存した学習の記録を rank の順に表示し、学習後の重みを読み込んで、
すべて一致することを確かめる。
ノートブックで定義した関数は ``torch.multiprocessing.spawn`` に渡せない
(子プロセスから import できない)ので、学習処理は別ファイルにしている。
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import torch

# 学習処理のスクリプト(このファイルと同じフォルダに置く。ノートブックでは
# __file__ がないので、ノートブックと同じフォルダ)
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
WORKER = HERE / "ddp_worker.py"
WORLD_SIZE = 2
with tempfile.TemporaryDirectory() as tmp:
    # OMP_NUM_THREADS=1: 2 つのプロセスが CPU のスレッドを取り合わないように
    env = dict(os.environ, OMP_NUM_THREADS="1", DDP_OUT_DIR=tmp)
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",
        f"--nproc-per-node={WORLD_SIZE}",
        str(WORKER),
    ]
    result = subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        raise RuntimeError(f"torchrun が失敗しました:\n{result.stderr}")
    # 2 つのプロセスが同時に書く標準出力は行が混ざるので、各 rank が
    # ファイルに書いた記録を rank の順に表示する
    for r in range(WORLD_SIZE):
        print((Path(tmp) / f"rank{r}.log").read_text(), end="")

    weights = [
        torch.load(Path(tmp) / f"rank{r}.pt") for r in range(WORLD_SIZE)
    ]

identical = all(
    torch.equal(weights[0][k], w[k]) for w in weights[1:] for k in weights[0]
)
print(f"\n{WORLD_SIZE} つのレプリカの重みが完全に一致: {identical}")
