"""勾配クリッピング: backward のあと、step の前に勾配のノルムを制限する。

``clip_grad_norm_`` は、全パラメータの勾配をまとめたノルムが ``max_norm`` を
超えていれば、全体を同じ比率で縮める。戻り値はクリップ前のノルム。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(10, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
x, y = torch.randn(32, 10) * 10, torch.randn(32, 1) * 10  # 大きな勾配が出る

optimizer.zero_grad()
loss = nn.functional.mse_loss(model(x), y)
loss.backward()  # 先に勾配を計算する
norm_before = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
norm_after = torch.linalg.vector_norm(
    torch.cat([p.grad.flatten() for p in model.parameters()])
)
optimizer.step()
print(f"クリップ前の勾配ノルム: {norm_before.item():.2f}")
print(f"クリップ後の勾配ノルム: {norm_after.item():.4f}")
