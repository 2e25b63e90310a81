"""中核の 3 要素を 1 つずつ確かめる: テンソル、Autograd、nn.Module。

ロードマップの最初の段階で身につけたいのは、テンソルの形と型、
``requires_grad`` と ``backward()`` による自動微分、``nn.Module`` を継承した
モデルの定義の 3 つ。どれも数行で動きを確かめられる。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)

# テンソル: 形の変更と型
t = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(f"dtype: {t.dtype}, shape: {tuple(t.shape)}")
print(f"view(3, 2): {t.view(3, 2).tolist()}")
print(f"float32 に変換: {t.to(torch.float32).dtype}")

# Autograd: y = x^3 の x = 2 での微分は 3 * 2^2 = 12
x = torch.tensor(2.0, requires_grad=True)
y = x**3
y.backward()
print(f"dy/dx at x=2: {x.grad.item()}")


# nn.Module: 全結合層 → ReLU の小さなネットワーク
class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.relu(self.fc(x))
        return x


net = TinyNet()
out = net(torch.randn(2, 4))
print(f"出力の形: {tuple(out.shape)}, 負の値なし: {bool((out >= 0).all())}")
n_params = sum(p.numel() for p in net.parameters())
print(f"パラメータ数: {n_params}")  # 4 × 3 + 3 = 15
