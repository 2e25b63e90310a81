"""CUDA のメモリ不足を捕まえて、小さくしてやり直す(CUDA 専用)。

GPU メモリを超える確保をすると ``torch.OutOfMemoryError``
(``RuntimeError`` のサブクラス)が発生する。ここでは空きメモリより大きな
テンソルをわざと確保して例外を起こし、キャッシュを空けてから、バッチを
半分ずつにして収まる大きさを探す。実際の学習では、バッチを小さくして
勾配蓄積で補う、混合精度にする、勾配チェックポイントを使う、が定番の対策。
"""
# requires: cuda

import sys

import torch

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

free, total = torch.cuda.mem_get_info()
print(f"空きメモリ: {free / 2**30:.1f} GiB / 全体: {total / 2**30:.1f} GiB")

n_floats = 2 * free // 4  # 空きの 2 倍(float32 は 4 バイト)
try:
    too_big = torch.empty(n_floats, device="cuda")
except torch.OutOfMemoryError as err:
    oom_caught = True
    print(f"捕まえた例外: {type(err).__name__}")
    print(f"  {str(err).splitlines()[0][:100]}")
torch.cuda.empty_cache()  # 例外のあと、キャッシュを解放しておく

# 収まるまで半分にしていく
size = n_floats
while True:
    try:
        x = torch.empty(size, device="cuda")
        break
    except torch.OutOfMemoryError:
        size //= 2
        torch.cuda.empty_cache()
print(f"確保できた大きさ: {size * 4 / 2**30:.1f} GiB")
del x
torch.cuda.empty_cache()
