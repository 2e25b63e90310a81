"""勾配蓄積: 小さなバッチの勾配を足し合わせて、大きなバッチと同じ更新をする。

損失を ``accumulation_steps`` で割ってから backward すると、4 つの
ミニバッチ(各 8 個)で蓄積した勾配は、32 個をまとめた 1 バッチの勾配と
一致する(平均を取る損失の場合)。
"""

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x, y = torch.randn(32, 10), torch.randn(32, 1)
model = nn.Linear(10, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

# 比較用: 32 個をまとめた 1 バッチの勾配
model.zero_grad()
criterion(model(x), y).backward()
full_batch_grad = model.weight.grad.clone()

train_loader = DataLoader(TensorDataset(x, y), batch_size=8)
accumulation_steps = 4
optimizer.zero_grad()  # ループの前にリセット
for i, (data, target) in enumerate(train_loader):
    output = model(data)
    loss = criterion(output, target)
    loss = loss / accumulation_steps  # 損失のスケーリング
    loss.backward()  # 勾配は足し込まれる
    if (i + 1) % accumulation_steps == 0:
        accumulated_grad = model.weight.grad.clone()
        optimizer.step()
        optimizer.zero_grad()

same = torch.allclose(accumulated_grad, full_batch_grad, atol=1e-6)
print(f"蓄積した勾配 = 32 個の 1 バッチの勾配: {same}")
