"""二値分類の損失は BCEWithLogitsLoss: シグモイド + BCELoss より数値的に安定。

``BCEWithLogitsLoss`` はシグモイドを通す前の値(ロジット)を受け取り、
シグモイドと対数をまとめて安全に計算する。``sigmoid`` の後に ``BCELoss`` を
使うと、ロジットが大きいときに確率が 1.0 に丸められ、損失が頭打ちになり
勾配が 0 になる。
"""

import torch
import torch.nn as nn

target = torch.tensor([0.0])
for z in [2.0, 20.0, 40.0]:
    logit = torch.tensor([z], requires_grad=True)
    loss_a = nn.BCELoss()(torch.sigmoid(logit), target)
    loss_a.backward()
    grad_a = logit.grad.item()

    logit = torch.tensor([z], requires_grad=True)
    loss_b = nn.BCEWithLogitsLoss()(logit, target)
    loss_b.backward()
    grad_b = logit.grad.item()
    print(
        f"ロジット {z:4.0f}: sigmoid+BCELoss 損失 {loss_a.item():7.3f} 勾配 "
        f"{grad_a:.3f} | BCEWithLogitsLoss 損失 {loss_b.item():7.3f} "
        f"勾配 {grad_b:.3f}"
    )
