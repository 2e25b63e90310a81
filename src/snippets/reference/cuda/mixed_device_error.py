"""CPU と GPU のテンソルを混ぜて演算するとエラーになる(CUDA 専用)。"""
# requires: cuda

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

a = torch.ones(3, device="cuda")
b = torch.ones(3)  # CPU
try:
    a + b  # デバイスが違う
except RuntimeError as e:
    print(f"RuntimeError: {e}")

# 解決: 明示的に同じデバイスへ移す
print(a + b.to("cuda"))
