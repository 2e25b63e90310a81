# PyTorch: y = x² の x = 3 での勾配(dy/dx = 2x = 6)
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.backward()  # 計算グラフをさかのぼって勾配を求め、x.grad に入れる
print("dy/dx =", x.grad.item())
