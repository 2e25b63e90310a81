"""学習率のウォームアップ: 手書きの式の落とし穴と、LinearLR での書き方。

``base_lr * min(epoch / warmup_epochs, 1.0)`` は epoch=0 で学習率が 0 になり、
最初のエポックが何も学習しない。``(epoch + 1)`` にするか、スケジューラの
``LinearLR`` を使う。
"""

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import LinearLR

base_lr = 0.1
warmup_epochs = 5
epochs = 7

naive = [base_lr * min(epoch / warmup_epochs, 1.0) for epoch in range(epochs)]
fixed = [
    base_lr * min((epoch + 1) / warmup_epochs, 1.0) for epoch in range(epochs)
]

# 手で書く場合: 各エポックの最初に param_groups の lr を書き換える
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=base_lr)
manual = []
for epoch in range(epochs):
    lr = base_lr * min((epoch + 1) / warmup_epochs, 1.0)
    for param_group in optimizer.param_groups:
        param_group["lr"] = lr
    manual.append(optimizer.param_groups[0]["lr"])
    # ... 通常の学習処理(optimizer.step() など) ...

# スケジューラで書く場合: 0.2 倍から始めて 5 エポックで 1.0 倍にする
optimizer = torch.optim.SGD(model.parameters(), lr=base_lr)
scheduler = LinearLR(
    optimizer, start_factor=1 / warmup_epochs, total_iters=warmup_epochs - 1
)
with_scheduler = []
for _epoch in range(epochs):
    with_scheduler.append(optimizer.param_groups[0]["lr"])
    optimizer.step()  # ... 1 エポック分の学習 ...
    scheduler.step()

print("epoch:          ", list(range(epochs)))
print("min(epoch/5, 1):", [round(v, 3) for v in naive])
print("min((epoch+1)/5):", [round(v, 3) for v in fixed])
print("手書き:         ", [round(v, 3) for v in manual])
print("LinearLR:       ", [round(v, 3) for v in with_scheduler])
