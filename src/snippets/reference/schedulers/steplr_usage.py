"""StepLR の使い方: 30 エポックごとに学習率を 0.1 倍にする。

``scheduler.step()`` はエポックの終わりに 1 回、そのエポックの
``optimizer.step()`` がすべて終わってから呼ぶ。
"""

import torch
import torch.nn as nn
from torch.optim import SGD
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.randn(64, 4)
y = x @ torch.tensor([[1.0], [-1.0], [0.5], [2.0]])
dataloader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True)

model = nn.Linear(4, 1)  # モデルの定義
loss_fn = nn.MSELoss()
optimizer = SGD(model.parameters(), lr=0.1)
scheduler = StepLR(optimizer, step_size=30, gamma=0.1)

lr_history = []
for _epoch in range(100):
    lr_history.append(scheduler.get_last_lr()[0])
    for inputs, target in dataloader:
        optimizer.zero_grad()
        output = model(inputs)
        loss = loss_fn(output, target)
        loss.backward()
        optimizer.step()
    scheduler.step()  # エポックごとに呼び出す

for epoch in [0, 29, 30, 59, 60, 90, 99]:
    print(f"エポック {epoch:>2}: 学習率 {lr_history[epoch]:.0e}")
print(f"最後の損失: {loss.item():.2e}")
