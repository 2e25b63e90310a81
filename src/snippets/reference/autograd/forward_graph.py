"""requires_grad=True のテンソルから始めた演算は、計算グラフとして記録される。

``grad_fn`` は、そのテンソルを作った演算の逆伝播関数を指す。
"""

import torch

torch.manual_seed(0)
x = torch.randn(2, 2, requires_grad=True)  # 勾配を求めたいテンソル
print(x)

y = x + 2
z = y * y * 3
out = z.mean()
print(f"y.grad_fn:   {y.grad_fn.name()}")
print(f"z.grad_fn:   {z.grad_fn.name()}")
print("out:", out)
