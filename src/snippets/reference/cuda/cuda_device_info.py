"""GPU の名前・番号・メモリの使用状況を調べる(CUDA 専用)。"""

# nondeterministic: GPU の名前とメモリの量を表示する
# requires: cuda

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

print(f"GPU の数: {torch.cuda.device_count()}")
print(f"現在の GPU 番号: {torch.cuda.current_device()}")
print(f"GPU 0 の名前: {torch.cuda.get_device_name(0)}")

x = torch.randn(1024, 1024, device="cuda")  # float32 で 4 MiB
print(f"確保中のメモリ: {torch.cuda.memory_allocated() / 2**20:.1f} MiB")
print(torch.cuda.memory_summary(abbreviated=True))

del x
torch.cuda.empty_cache()  # キャッシュしている未使用領域をドライバに返す
print(f"解放後: {torch.cuda.memory_allocated() / 2**20:.1f} MiB")
