"""GPU 上のテンソルの型名(CUDA 専用)。

dtype は CPU でも GPU でも同じ ``torch.float32`` などで、置き場所は
``device`` が表す。``x.type()`` の文字列だけが ``torch.cuda.FloatTensor`` の
ように置き場所を含む。
"""
# requires: cuda

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

for dtype in [torch.uint8, torch.int64, torch.float32, torch.bool]:
    x = torch.zeros(3, dtype=dtype, device="cuda")
    print(f"{str(dtype):<14} device={x.device}  x.type()={x.type()}")
