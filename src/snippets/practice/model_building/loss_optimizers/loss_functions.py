"""代表的な損失関数: 分類はロジットを、回帰は値をそのまま渡す。

``CrossEntropyLoss`` と ``BCEWithLogitsLoss`` は内部で softmax / sigmoid を
計算するので、モデルの出力(ロジット)をそのまま渡す。sigmoid を通してから
``BCELoss`` に渡す書き方は、ロジットが大きいと数値的に不安定になる。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)

# 分類: 3 サンプル、4 クラスのロジットと正解ラベル
logits = torch.tensor(
    [[2.0, 0.5, -1.0, 0.0], [0.1, 0.2, 3.0, 0.1], [1.0, 1.0, 1.0, 1.0]]
)
labels = torch.tensor([0, 2, 3])
ce = nn.CrossEntropyLoss()(logits, labels)
print(f"CrossEntropyLoss(多クラス分類): {ce.item():.4f}")

# 二値分類: ロジットと 0/1 の正解
bin_logits = torch.tensor([2.0, -1.0, 0.5])
bin_targets = torch.tensor([1.0, 0.0, 0.0])
bce = nn.BCEWithLogitsLoss()(bin_logits, bin_targets)
print(f"BCEWithLogitsLoss(二値分類): {bce.item():.4f}")

# 回帰
pred = torch.tensor([2.5, 0.0, 2.0])
target = torch.tensor([3.0, -0.5, 2.0])
print(f"MSELoss(平均二乗誤差): {nn.MSELoss()(pred, target).item():.4f}")
print(f"L1Loss(平均絶対誤差): {nn.L1Loss()(pred, target).item():.4f}")
print(f"HuberLoss(外れ値に強い): {nn.HuberLoss()(pred, target).item():.4f}")

# 大きなロジットでは sigmoid + BCELoss が壊れる(勾配が消える)
z = torch.tensor([20.0], requires_grad=True)
nn.BCELoss()(torch.sigmoid(z), torch.tensor([0.0])).backward()
grad_bce = z.grad.item()
z.grad = None
nn.BCEWithLogitsLoss()(z, torch.tensor([0.0])).backward()
grad_logits = z.grad.item()
print(
    f"\nロジット 20、正解 0 のときの勾配: sigmoid+BCELoss={grad_bce:.4f}, "
    f"BCEWithLogitsLoss={grad_logits:.4f}"
)
