"""OneCycleLR: 学習全体で 1 回だけ、学習率を上げてから下げる。

``steps_per_epoch × epochs`` ステップ全体で 1 周期になる(エポックごとでは
ない)。バッチごと(``optimizer.step()`` のたび)に ``scheduler.step()`` を呼ぶ。
"""

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import OneCycleLR
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x, y = torch.randn(100, 4), torch.randn(100, 1)
dataloader = DataLoader(TensorDataset(x, y), batch_size=10)  # 10 バッチ
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

num_epochs = 5
scheduler = OneCycleLR(
    optimizer,
    max_lr=0.01,
    steps_per_epoch=len(dataloader),
    epochs=num_epochs,
)
lrs = []
for _epoch in range(num_epochs):
    for inputs, target in dataloader:
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.zero_grad()
        nn.functional.mse_loss(model(inputs), target).backward()
        optimizer.step()
        scheduler.step()  # バッチごとに呼ぶ

peak = max(range(len(lrs)), key=lambda i: lrs[i])
n_batches = len(dataloader)
print(
    f"総ステップ数: {len(lrs)}(= {n_batches} バッチ × {num_epochs} エポック)"
)
print(f"最初の学習率: {lrs[0]:.2e}")
print(f"最大の学習率: {lrs[peak]:.2e}(ステップ {peak})")
print(f"  最大になったエポック: {peak // n_batches}")
print(f"最後の学習率: {lrs[-1]:.2e}")
