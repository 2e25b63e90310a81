"""複数の損失を重み付きで足して、1 回の backward で勾配を求める。

勾配は線形なので、``(w1 * loss1 + w2 * loss2).backward()`` の勾配は、
それぞれを別々に backward した勾配の重み付き和と一致する。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(4, 2)
x = torch.randn(16, 4)
target1 = torch.randn(16)
target2 = torch.randn(16)
criterion1, criterion2 = nn.MSELoss(), nn.L1Loss()
weight1, weight2 = 1.0, 0.5

output = model(x)
output1, output2 = output[:, 0], output[:, 1]
loss1 = criterion1(output1, target1) * weight1
loss2 = criterion2(output2, target2) * weight2
total_loss = loss1 + loss2
total_loss.backward()  # 1 回でまとめて逆伝播
grad_total = model.weight.grad.clone()

# 確認: 別々に backward した勾配の和と同じ
grads = []
for crit, w, col, t in [
    (criterion1, weight1, 0, target1),
    (criterion2, weight2, 1, target2),
]:
    model.zero_grad()
    (crit(model(x)[:, col], t) * w).backward()
    grads.append(model.weight.grad.clone())
same = torch.allclose(grad_total, grads[0] + grads[1])
print(f"total_loss = {total_loss.item():.4f}")
print(f"まとめた勾配 = 個別の勾配の和: {same}")
