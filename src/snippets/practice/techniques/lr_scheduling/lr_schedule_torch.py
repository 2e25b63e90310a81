"""PyTorch: ウォームアップ付きコサイン減衰で学習する。

スケジューラをバッチごとに進める(``total_iters`` と ``T_max`` をステップ数で
数える)。1 ステップは ``optimizer.step()`` → ``scheduler.step()`` の順。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

torch.manual_seed(0)
digits = load_digits()
X_train, X_val, y_train, y_val = train_test_split(
    digits.data / 16.0, digits.target, test_size=0.2, random_state=0
)
X_train = torch.tensor(X_train, dtype=torch.float32)
X_val = torch.tensor(X_val, dtype=torch.float32)
y_train, y_val = torch.tensor(y_train), torch.tensor(y_val)

epochs, batch_size = 10, 32
steps_per_epoch = -(-len(X_train) // batch_size)  # 切り上げ
total_steps = epochs * steps_per_epoch
warmup_steps = steps_per_epoch  # 最初の 1 エポックでウォームアップ

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
scheduler = SequentialLR(
    optimizer,
    [
        LinearLR(optimizer, start_factor=0.01, total_iters=warmup_steps),
        CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps),
    ],
    milestones=[warmup_steps],
)

for epoch in range(epochs):
    model.train()
    for idx in torch.randperm(len(X_train)).split(batch_size):
        optimizer.zero_grad()
        criterion(model(X_train[idx]), y_train[idx]).backward()
        optimizer.step()
        scheduler.step()  # バッチごとに学習率を進める
    model.eval()
    with torch.no_grad():
        val_acc = (model(X_val).argmax(1) == y_val).float().mean().item()
    lr = scheduler.get_last_lr()[0]
    print(f"Epoch {epoch + 1:2d}: lr {lr:.6f}  val_acc {val_acc:.3f}")
