"""BCELoss(sigmoid(z)) と BCEWithLogitsLoss(z) を、大きなロジットで比べる。

正解が 0 なのに、モデルが大きな正のロジット z を出した(自信を持って
間違えた)場合。正しい損失は log(1 + e^z) ≈ z で、勾配は sigmoid(z) ≈ 1。
sigmoid(z) が float32 で 1.0 に丸められると、BCELoss は log(0) を避けるため
に損失を 100 で打ち切り、勾配は 0 になる(間違いを直す力が消える)。
"""

import torch
import torch.nn as nn

target = torch.tensor([0.0])
rows = []
head1, head2 = "BCELoss(sigmoid)", "BCEWithLogitsLoss"
print(f"{'ロジット z':>10} | {head1:>22} | {head2:>22}")
print(f"{'':>10} | {'損失':>10} {'勾配':>10} | {'損失':>10} {'勾配':>10}")
for value in [2.0, 10.0, 17.0, 20.0, 40.0, 120.0]:
    z1 = torch.tensor([value], requires_grad=True)
    loss1 = nn.BCELoss()(torch.sigmoid(z1), target)
    loss1.backward()

    z2 = torch.tensor([value], requires_grad=True)
    loss2 = nn.BCEWithLogitsLoss()(z2, target)
    loss2.backward()

    rows.append(
        (value, loss1.item(), z1.grad.item(), loss2.item(), z2.grad.item())
    )
    print(
        f"{value:>10.0f} | {loss1.item():>10.4f} {z1.grad.item():>10.4f} "
        f"| {loss2.item():>10.4f} {z2.grad.item():>10.4f}"
    )
