"""ウォームアップ + コサイン減衰を SequentialLR で組み合わせる。

``CosineAnnealingLR`` にはウォームアップの引数はない(引数は ``T_max`` と
``eta_min``)。最初の 5 エポックを ``LinearLR`` で 0.001 倍から 1 倍まで上げ、
残り 95 エポックを ``CosineAnnealingLR`` で ``eta_min`` まで下げる。
"""

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

warmup_epochs = 5
total_epochs = 100

model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
warmup = LinearLR(optimizer, start_factor=1e-3, total_iters=warmup_epochs)
cosine = CosineAnnealingLR(
    optimizer, T_max=total_epochs - warmup_epochs, eta_min=1e-5
)
lr_scheduler = SequentialLR(
    optimizer, schedulers=[warmup, cosine], milestones=[warmup_epochs]
)

lrs = []
for _epoch in range(total_epochs):
    lrs.append(optimizer.param_groups[0]["lr"])
    optimizer.step()  # ... 1 エポック分の学習 ...
    lr_scheduler.step()

for epoch in [0, 1, 4, 5, 50, 99]:
    print(f"エポック {epoch:>2}: 学習率 {lrs[epoch]:.2e}")
