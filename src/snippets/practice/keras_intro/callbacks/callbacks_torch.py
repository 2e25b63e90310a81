"""PyTorch で Keras のコールバックと同じことを学習ループに書く。

早期終了(patience)、最良の重みの保存と復元、``ReduceLROnPlateau`` による
学習率の調整を、エポックの終わりに自分で行う。最良の重みは
``clone()`` でコピーする(``state_dict().copy()`` では保存にならない。
「早期終了とチェックポイント」のページを参照)。
"""

import os
import tempfile

import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)

digits = load_digits()
X_train, X_val, y_train, y_val = train_test_split(
    digits.data / 16.0, digits.target, test_size=0.2, random_state=0
)
X_train = torch.tensor(X_train, dtype=torch.float32)
X_val = torch.tensor(X_val, dtype=torch.float32)
y_train, y_val = torch.tensor(y_train), torch.tensor(y_val)

model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
# torch は「改善なし」が patience 回を超えたときに下げるので、Keras の
# patience=2 にあたるのは patience=1。改善の幅も Keras と同じ絶対値で測る
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer,
    mode="min",
    factor=0.5,
    patience=1,
    threshold_mode="abs",
    min_lr=1e-5,
)

patience = 5
best_loss, best_epoch, wait = float("inf"), 0, 0
lrs = []
with tempfile.TemporaryDirectory() as tmp:
    ckpt_path = os.path.join(tmp, "best_model.pt")
    for epoch in range(1, 101):
        model.train()
        for idx in torch.randperm(len(X_train)).split(64):
            optimizer.zero_grad()
            criterion(model(X_train[idx]), y_train[idx]).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val_loss = criterion(model(X_val), y_val).item()
        lrs.append(optimizer.param_groups[0]["lr"])
        scheduler.step(val_loss)  # ReduceLROnPlateau は監視する値を渡す

        if val_loss < best_loss:  # 改善: 記録して保存(ModelCheckpoint)
            best_loss, best_epoch, wait = val_loss, epoch, 0
            torch.save(model.state_dict(), ckpt_path)
        else:  # 改善なし: patience を数える(EarlyStopping)
            wait += 1
            if wait >= patience:
                break
    # restore_best_weights=True にあたる処理
    model.load_state_dict(torch.load(ckpt_path))

with torch.no_grad():
    restored_val_loss = criterion(model(X_val), y_val).item()
print(f"学習したエポック数: {epoch}(上限 100)")
print(f"最良のエポック: {best_epoch}(検証損失 {best_loss:.4f})")
print(f"学習率: 最初 {lrs[0]:.4g} → 最後 {lrs[-1]:.4g}")
print(f"復元後のモデルの検証損失: {restored_val_loss:.4f}")
