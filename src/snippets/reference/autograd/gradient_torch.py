"""PyTorch で勾配を求める(TensorFlow の GradientTape 版と同じ計算)。

y = x^2 + 3x + 1 の x = 2 での微分は 2x + 3 = 7。
"""

import torch

x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 3 * x + 1  # requires_grad のテンソルからの演算は自動で記録
y.backward()
print(f"dy/dx = {x.grad.item()}")
