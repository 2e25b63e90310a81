"""torch.stack と torch.cat の実行時間を、このページのビルド時に測る。

2 つの同じ形のテンソル A, B を ``stack((A, B))`` と ``cat((A, B))`` で
結合し、``torch.utils.benchmark`` で中央値を比べる。どちらも全要素を
1 回ずつ新しいメモリへコピーするだけなので、出力のバイト数は同じになる。
値は実行したマシンとスレッド数で変わるので、測定環境もあわせて表示する。
"""

# nondeterministic: 計測した実行時間を表示する

import os
import platform
from pathlib import Path

import torch
from torch.utils import benchmark


def cpu_model() -> str:
    """CPU の型番(Linux では /proc/cpuinfo から読む)。"""
    info = Path("/proc/cpuinfo")
    if info.exists():
        for line in info.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


print(f"CPU: {cpu_model()}")
print(f"platform.processor(): {platform.processor()!r}")
print(f"OS: {platform.system()} {platform.release()}")
print(f"論理 CPU 数: {os.cpu_count()}")
print(f"torch.get_num_threads(): {torch.get_num_threads()}")
print(f"PyTorch: {torch.__version__}")
print()

torch.manual_seed(0)
shapes = [(2, 3), (64, 64), (1000, 1000)]
results = {}
print(f"{'A, B の形':<14}{'stack':>12}{'cat':>12}{'stack/cat':>12}")
for shape in shapes:
    env = {"torch": torch, "A": torch.randn(shape), "B": torch.randn(shape)}
    t_stack = benchmark.Timer(
        "torch.stack((A, B))", globals=env
    ).blocked_autorange(min_run_time=0.2)
    t_cat = benchmark.Timer(
        "torch.cat((A, B))", globals=env
    ).blocked_autorange(min_run_time=0.2)
    results[shape] = (t_stack.median, t_cat.median)
    print(
        f"{str(shape):<14}{t_stack.median * 1e6:>10.1f}µs"
        f"{t_cat.median * 1e6:>10.1f}µs"
        f"{t_stack.median / t_cat.median:>12.2f}"
    )

# 出力のメモリ量は同じ(stack が余分にメモリを使うことはない)
A, B = torch.randn(1000, 1000), torch.randn(1000, 1000)
stacked, catted = torch.stack((A, B)), torch.cat((A, B))
print()
print(
    f"出力の形:       stack {tuple(stacked.shape)} / cat {tuple(catted.shape)}"
)
print(f"出力のバイト数: stack {stacked.nbytes:,} / cat {catted.nbytes:,}")
