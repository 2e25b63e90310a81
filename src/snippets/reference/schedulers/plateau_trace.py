"""ReduceLROnPlateau: 検証損失が下がらなくなったら学習率を下げる。

小さな回帰モデルを学習し、毎エポックの検証損失を ``scheduler.step(val_loss)``
に渡す。``patience`` エポック続けて改善しないと、学習率を ``factor`` 倍にする。
検証損失と学習率の推移を図にする。
"""

import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import ReduceLROnPlateau
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.rand(600, 1) * 6 - 3
y = torch.sin(x) + 0.1 * torch.randn_like(x)  # ノイズつきの sin 波
train_loader = DataLoader(
    TensorDataset(x[:500], y[:500]), batch_size=50, shuffle=True
)
x_val, y_val = x[500:], y[500:]

model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1))
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
scheduler = ReduceLROnPlateau(optimizer, mode="min", factor=0.3, patience=3)


def train():
    model.train()
    for inputs, target in train_loader:
        optimizer.zero_grad()
        loss = criterion(model(inputs), target)
        loss.backward()
        optimizer.step()


def validate():
    model.eval()
    with torch.no_grad():
        return criterion(model(x_val), y_val).item()


epochs = 60
val_losses, lrs = [], []
for _epoch in range(epochs):
    lrs.append(optimizer.param_groups[0]["lr"])
    train()
    val_loss = validate()
    val_losses.append(val_loss)
    scheduler.step(val_loss)  # 検証損失を渡す

changes = [e for e in range(1, epochs) if lrs[e] < lrs[e - 1]]
print(f"学習率が下がったエポック: {changes}")
print(f"最初と最後の学習率: {lrs[0]} → {lrs[-1]:.2e}")
print(f"最後の検証損失: {val_losses[-1]:.4f}")

fig, ax1 = plt.subplots(figsize=(8, 4))
ax1.plot(val_losses, color="tab:blue", label="検証損失")
ax1.set_xlabel("エポック")
ax1.set_ylabel("検証損失(MSE)")
ax1.set_yscale("log")
ax2 = ax1.twinx()
ax2.step(range(epochs), lrs, where="post", color="tab:red", label="学習率")
ax2.set_ylabel("学習率")
ax2.set_yscale("log")
ax2.grid(False)
for e in changes:
    ax1.axvline(e, color="gray", linestyle=":", linewidth=1)
lines = ax1.get_lines()[:1] + ax2.get_lines()
ax1.legend(lines, [line.get_label() for line in lines], loc="upper right")
ax1.set_title("ReduceLROnPlateau: 検証損失が停滞すると学習率を下げる")
fig.tight_layout()
plt.show()
