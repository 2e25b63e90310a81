"""落とし穴: 旧来の checkpoint(reentrant 版)では、前の層に勾配が届かない。

古い記事でよく見かけるように ``use_reentrant=True``(古い既定値)で、入力が
``requires_grad=False`` のテンソルを checkpoint に渡すと、その区間の
出力が計算グラフから切れてしまい、中の層のパラメータに勾配が付かない。
PyTorch は警告を出すだけで、学習はエラーなく進んでしまう。
"""

import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)

layer1 = nn.Linear(64, 256)
layer2 = nn.Linear(256, 10)
x = torch.randn(32, 64)  # 入力は勾配を必要としない(普通のデータ)
y = torch.randint(0, 10, (32,))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    h = checkpoint(lambda t: F.relu(layer1(t)), x, use_reentrant=True)
    F.cross_entropy(layer2(h), y).backward()

print(f"layer1 の勾配: {layer1.weight.grad}")  # None: 学習されない
print(f"layer2 の勾配があるか: {layer2.weight.grad is not None}")
print("出た警告:")
for w in caught:
    print(f"  {w.category.__name__}: {str(w.message).splitlines()[0]}")
