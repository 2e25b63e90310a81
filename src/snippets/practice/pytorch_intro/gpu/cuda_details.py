"""CUDA GPU の情報とメモリ使用量を調べる(CUDA 専用)。

``torch.cuda`` の関数は CUDA がある環境でしか意味を持たない。GPU 名と、
テンソルを確保・解放したときのメモリ使用量の変化を表示する。
"""
# requires: cuda

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

print(f"GPU: {torch.cuda.get_device_name(0)}")
print(f"CUDA ランタイム: {torch.version.cuda}")

before = torch.cuda.memory_allocated()
x = torch.randn(1024, 1024, device="cuda")  # float32 で 4 MiB
after = torch.cuda.memory_allocated()
print(f"確保したメモリ: {(after - before) / 2**20:.1f} MiB")

del x
torch.cuda.empty_cache()  # キャッシュしていた領域をドライバに返す
print(f"解放後の確保量: {torch.cuda.memory_allocated() / 2**20:.1f} MiB")
