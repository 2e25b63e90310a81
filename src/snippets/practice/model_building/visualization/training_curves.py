"""学習曲線を描く: 損失と正解率を記録し、学習の終わりに 1 枚の図にする。

エポックごとに学習・検証の損失と正解率を ``history`` に記録し、最後に
matplotlib で描く。検証損失が下がらなくなり学習損失だけが下がり続けたら
過学習のサイン。
"""

import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import torch
import torch.nn as nn
from matplotlib.ticker import MaxNLocator
from sklearn.datasets import load_digits

torch.manual_seed(0)

digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16.0
y = torch.tensor(digits.target)
perm = torch.randperm(len(X))
X_train, y_train = X[perm[:1200]], y[perm[:1200]]
X_val, y_val = X[perm[1200:]], y[perm[1200:]]

model = nn.Sequential(
    nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10)
)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

history = {"train_loss": [], "val_loss": [], "train_acc": [], "val_acc": []}


def evaluate(X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """損失と正解率を返す(評価モード、勾配なし)。"""
    model.eval()
    with torch.no_grad():
        out = model(X)
    return criterion(out, y).item(), (out.argmax(1) == y).float().mean().item()


for _epoch in range(20):
    model.train()
    for idx in torch.randperm(len(X_train)).split(32):
        optimizer.zero_grad()
        criterion(model(X_train[idx]), y_train[idx]).backward()
        optimizer.step()
    for split, (Xs, ys) in {
        "train": (X_train, y_train),
        "val": (X_val, y_val),
    }.items():
        loss, acc = evaluate(Xs, ys)
        history[f"{split}_loss"].append(loss)
        history[f"{split}_acc"].append(acc)

print(
    f"20 エポック後: 学習損失 {history['train_loss'][-1]:.4f}、"
    f"検証損失 {history['val_loss'][-1]:.4f}、"
    f"検証正解率 {history['val_acc'][-1]:.3f}"
)

epochs = range(1, 21)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))
ax1.plot(epochs, history["train_loss"], marker="o", label="学習")
ax1.plot(epochs, history["val_loss"], marker="s", label="検証")
ax1.set(xlabel="エポック", ylabel="損失", title="損失の推移")
ax1.legend()
ax2.plot(epochs, history["train_acc"], marker="o", label="学習")
ax2.plot(epochs, history["val_acc"], marker="s", label="検証")
ax2.set(xlabel="エポック", ylabel="正解率", title="正解率の推移")
ax2.legend()
for ax in (ax1, ax2):
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # エポックは整数
fig.tight_layout()
plt.show()
