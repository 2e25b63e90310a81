"""out.backward() で勾配を計算し、解析解と比べる。

out = mean(3(x + 2)^2) を 4 要素で平均しているので、
d(out)/dx = 6(x + 2) / 4 = 1.5(x + 2)。
"""

import torch

torch.manual_seed(0)
x = torch.randn(2, 2, requires_grad=True)
out = (3 * (x + 2) ** 2).mean()

out.backward()  # 勾配を計算して x.grad に入れる(パラメータは変えない)
print(f"x.grad:\n{x.grad}")

expected = 1.5 * (x.detach() + 2)
print(f"1.5 * (x + 2):\n{expected}")
print(f"一致: {torch.allclose(x.grad, expected)}")
