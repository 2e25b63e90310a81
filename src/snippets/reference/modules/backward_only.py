"""backward() だけではパラメータは変わらず、勾配が溜まっていくだけ。"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(4, 1)
x, y = torch.randn(16, 4), torch.randn(16, 1)
w_before = model.weight.detach().clone()

grad_norms = []
for _ in range(4):
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()  # 勾配を計算して .grad に足し込む
    grad_norms.append(model.weight.grad.norm().item())

weight_unchanged = torch.equal(model.weight, w_before)
print(f"4 回 backward したあと重みは変わらない: {weight_unchanged}")
print("各回の勾配ノルム:", [f"{g:.3f}" for g in grad_norms])
print(f"4 回目 / 1 回目: {grad_norms[-1] / grad_norms[0]:.1f} 倍")
