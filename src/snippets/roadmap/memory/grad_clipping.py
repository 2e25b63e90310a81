"""勾配クリッピング: 勾配全体のノルムに上限を設け、急な大更新を防ぐ。

``clip_grad_norm_`` は全パラメータの勾配をまとめた L2 ノルムを計算し、
``max_norm`` を超えていれば全体を同じ比率で縮める。戻り値はクリップ前の
ノルムなので、ログに記録すれば勾配爆発の兆候に気づける。呼ぶ場所は
``backward()`` の後、``step()`` の前。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1))
x = torch.randn(16, 10)
y = 1000 * torch.randn(16, 1)  # わざと大きな目標値で、大きな勾配を作る

loss = nn.MSELoss()(model(x), y)
loss.backward()
norm_before = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
norm_after = torch.linalg.vector_norm(
    torch.stack([p.grad.norm() for p in model.parameters()])
)
print(f"クリップ前の勾配ノルム: {norm_before.item():.1f}")
print(f"クリップ後の勾配ノルム: {norm_after.item():.4f}")
