"""GPU メモリの使用状況を見る(CUDA 専用)。

``torch.cuda.memory_allocated()`` はテンソルが実際に使っている量、
``memory_reserved()`` は PyTorch のキャッシュアロケータが確保している量。
``memory_summary()`` は詳しい表を返す。CPU 版の PyTorch で呼ぶと
エラーになるので、``torch.cuda.is_available()`` を確かめてから使う。
"""
# requires: cuda

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

x = torch.randn(1024, 1024, 16, device="cuda")  # float32 で 64 MiB
allocated = torch.cuda.memory_allocated()
reserved = torch.cuda.memory_reserved()
print(f"allocated: {allocated / 2**20:.1f} MiB")
print(f"reserved:  {reserved / 2**20:.1f} MiB")
print(f"ピーク: {torch.cuda.max_memory_allocated() / 2**20:.1f} MiB")
print(torch.cuda.memory_summary(abbreviated=True))
del x
torch.cuda.empty_cache()
