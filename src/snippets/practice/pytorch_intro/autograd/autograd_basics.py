"""Autograd(自動微分)で勾配を計算する。

``requires_grad=True`` のテンソルから始まる演算は計算グラフとして記録され、
``backward()`` で勾配が ``.grad`` に入る。y = x² + 3x + 1 の x = 2 での微分
(2x + 3 = 7)と、mean((2x)²) の勾配(8x/3)を解析解と比べる。

最初の例を短く書くと次のとおり:

>>> x = torch.tensor(2.0, requires_grad=True)
>>> (x**2 + 3 * x + 1).backward()
>>> x.grad
tensor(7.)
"""

import torch

torch.manual_seed(0)

# 勾配を計算したいテンソルには requires_grad=True を指定する
x = torch.tensor([2.0], requires_grad=True)
print("x =", x)

# 順伝播: y = x^2 + 3x + 1
y = x**2 + 3 * x + 1
print("y =", y)

# 逆伝播: dy/dx = 2x + 3 を計算して x.grad に入れる
y.backward()
print("dy/dx =", x.grad)  # 2*2 + 3 = 7

print("\n=== 複数の演算をつなげた計算グラフ ===")
x = torch.randn(3, requires_grad=True)
print("x =", x)

y = x * 2
z = y**2
out = z.mean()  # backward() にはスカラーが必要
print("out =", out)  # grad_fn が計算グラフの最後の演算を示す

out.backward()
print("x.grad =", x.grad)

# 解析解: d/dx mean((2x)^2) = d/dx mean(4x^2) = 8x/3
print("8x/3   =", 8 * x.detach() / 3)
