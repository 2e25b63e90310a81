"""学習と検証のループ: train() / eval() の切り替えと torch.no_grad()。

学習では Dropout などを有効にする ``model.train()``、検証では無効にする
``model.eval()`` に切り替える。検証は ``torch.no_grad()`` の中で行い、
計算グラフを作らないぶんメモリと時間を節約する。学習率は、検証損失が
下がらなくなったら半分にする ``ReduceLROnPlateau`` で調整する。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
perm = torch.randperm(len(X))
train_idx, val_idx = perm[:1400], perm[1400:]
train_loader = DataLoader(
    TensorDataset(X[train_idx], y[train_idx]), batch_size=128, shuffle=True
)
val_loader = DataLoader(TensorDataset(X[val_idx], y[val_idx]), batch_size=256)

model = nn.Sequential(
    nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10)
)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, mode="min", factor=0.5, patience=2
)


def train_one_epoch() -> float:
    model.train()  # Dropout を有効にする
    total = 0.0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(train_loader.dataset)


@torch.no_grad()  # 関数全体で勾配を計算しない
def evaluate() -> tuple[float, float]:
    model.eval()  # Dropout を無効にする
    total_loss, correct = 0.0, 0
    for xb, yb in val_loader:
        logits = model(xb)
        total_loss += criterion(logits, yb).item() * len(xb)
        correct += (logits.argmax(dim=1) == yb).sum().item()
    n = len(val_loader.dataset)
    return total_loss / n, correct / n


history = []
for epoch in range(10):
    train_loss = train_one_epoch()
    val_loss, val_acc = evaluate()
    scheduler.step(val_loss)  # 検証損失を渡す
    lr = optimizer.param_groups[0]["lr"]
    history.append((train_loss, val_loss, val_acc, lr))
    print(
        f"epoch {epoch + 1:2d}  train_loss {train_loss:.4f}  "
        f"val_loss {val_loss:.4f}  val_acc {val_acc:.3f}  lr {lr:.1e}"
    )
