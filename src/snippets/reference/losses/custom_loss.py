"""カスタム損失関数: nn.Module を継承する方法と、関数で書く方法。

PyTorch の演算だけで書けば、勾配は Autograd が自動で計算する。
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


# 方法 1: nn.Module を継承する(ハイパーパラメータを属性に持てる)
class CustomLoss(nn.Module):
    def __init__(self, alpha=0.5):
        super().__init__()
        self.alpha = alpha

    def forward(self, pred, target):
        mse = torch.mean((pred - target) ** 2)
        l1 = torch.mean(torch.abs(pred - target))
        return self.alpha * mse + (1 - self.alpha) * l1


# 方法 2: 関数で書く(ロジットを受け取り、安定な BCE を使う)
def custom_loss(logits, target, beta=0.3):
    base_loss = F.binary_cross_entropy_with_logits(logits, target)
    prob = torch.sigmoid(logits)
    penalty = torch.mean(torch.relu(prob - 0.7)) ** 2  # 0.7 を超える確率に罰
    return base_loss + beta * penalty


torch.manual_seed(0)
pred = torch.randn(5, requires_grad=True)
target = torch.randn(5)
loss1 = CustomLoss(alpha=0.5)(pred, target)
loss1.backward()
print(f"CustomLoss:  {loss1.item():.4f}, 勾配の形 {tuple(pred.grad.shape)}")

logits = torch.randn(5, requires_grad=True)
labels = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0])
loss2 = custom_loss(logits, labels)
loss2.backward()
print(f"custom_loss: {loss2.item():.4f}, 勾配の形 {tuple(logits.grad.shape)}")
