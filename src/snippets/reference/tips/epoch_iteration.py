"""エポック・イテレーション・バッチサイズの関係を、DataLoader で数える。

- エポック: データセット全体を 1 回使い切る単位
- イテレーション: 1 バッチでパラメータを 1 回更新する単位
- 1 エポックのイテレーション数 = ceil(N / batch_size)
  (``drop_last=True`` なら floor(N / batch_size))
- 学習全体のイテレーション数 = エポック数 × 1 エポックのイテレーション数
"""

import math

import torch
from torch.utils.data import DataLoader, TensorDataset

N = 1000  # データ数(例: 画像 1000 枚)
batch_size = 64
epochs = 3

dataset = TensorDataset(torch.randn(N, 8), torch.randint(0, 2, (N,)))
loader = DataLoader(dataset, batch_size=batch_size, shuffle=True)

total = 0
for _epoch in range(epochs):
    sizes = [len(x) for x, _ in loader]  # 1 エポック分のバッチを数える
    total += len(sizes)
iters_per_epoch = len(sizes)

print(f"N={N}, batch_size={batch_size}, epochs={epochs}")
print(f"1 エポックのイテレーション数: {iters_per_epoch}")
print(f"  ceil(N / batch_size) = {math.ceil(N / batch_size)}")
print(f"  最後のバッチの大きさ: {sizes[-1]}(= {N} - 64 × {len(sizes) - 1})")
print(f"学習全体のイテレーション数: {total}")

dropped = DataLoader(dataset, batch_size=batch_size, drop_last=True)
iters_drop_last = len(dropped)
print(f"drop_last=True のとき: {iters_drop_last}(= floor(N / batch_size))")
