"""pin_memory の効果を測る: ページング可能なメモリと固定メモリからの転送時間。

同じ大きさのバッチを、通常の(ページング可能な)CPU メモリと、
``pin_memory()`` で固定した CPU メモリから GPU へ転送し、
``torch.utils.benchmark`` で時間を比べる(CUDA 専用)。
"""

# nondeterministic: 計測した転送時間を表示する
# requires: cuda

import sys

import torch
from torch.utils import benchmark

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

print(f"GPU: {torch.cuda.get_device_name(0)}")
batch = torch.randn(64, 3, 224, 224)  # float32 で約 37 MiB
pinned = batch.pin_memory()
print(f"バッチ: {tuple(batch.shape)}, {batch.nbytes / 2**20:.1f} MiB")

times = {}
for name, src in [("通常のメモリ", batch), ("pin_memory", pinned)]:
    t = benchmark.Timer(
        "src.to('cuda', non_blocking=True); torch.cuda.synchronize()",
        globals={"src": src, "torch": torch},
    ).blocked_autorange(min_run_time=0.5)
    times[name] = t.median
    gbps = batch.nbytes / t.median / 1e9
    print(f"{name:<10} {t.median * 1e3:7.2f} ms  ({gbps:5.1f} GB/s)")

speedup = times["通常のメモリ"] / times["pin_memory"]
print(f"pin_memory による速度比: {speedup:.2f} 倍")
