"""PyTorch で早期終了(Early Stopping)を実装し、最良の重みを復元する。

検証損失が ``patience`` エポック続けて改善しなければ学習を止め、最も良かった
エポックの重みに戻す。最良の重みは ``clone()`` で複製して保存する
(``state_dict().copy()`` は浅いコピーで、保存にならない)。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


class EarlyStopping:
    """検証損失を監視し、改善が止まったら知らせる。"""

    def __init__(self, patience: int = 5, min_delta: float = 0.0):
        self.patience = patience  # 改善なしを何エポックまで待つか
        self.min_delta = min_delta  # 改善とみなす最小の減少量
        self.counter = 0
        self.best_loss = float("inf")
        self.best_epoch = 0
        self.best_weights = None

    def __call__(self, val_loss: float, model: nn.Module, epoch: int) -> bool:
        """このエポックの結果を記録し、止めるべきなら True を返す。"""
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch, self.counter = val_loss, epoch, 0
            # テンソルを複製して保存する(深いコピー)
            self.best_weights = {
                k: v.detach().clone() for k, v in model.state_dict().items()
            }
            return False
        self.counter += 1
        return self.counter >= self.patience

    def restore(self, model: nn.Module) -> None:
        """最良のエポックの重みをモデルに戻す。"""
        model.load_state_dict(self.best_weights)


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
early_stopping = EarlyStopping(patience=5)


def val_loss_of(model: nn.Module) -> float:
    model.eval()
    with torch.no_grad():
        return criterion(model(X_val), y_val).item()


for epoch in range(1, 101):
    model.train()
    for idx in torch.randperm(len(X_train)).split(64):
        optimizer.zero_grad()
        criterion(model(X_train[idx]), y_train[idx]).backward()
        optimizer.step()
    val_loss = val_loss_of(model)
    if epoch % 5 == 0:
        print(f"Epoch {epoch:3d}: val_loss {val_loss:.4f}")
    if early_stopping(val_loss, model, epoch):
        print(f"Epoch {epoch:3d}: val_loss {val_loss:.4f} → 早期終了")
        break

last_val_loss = val_loss
early_stopping.restore(model)
restored_val_loss = val_loss_of(model)
print(f"\n最良のエポック: {early_stopping.best_epoch}")
print(f"最良の検証損失:     {early_stopping.best_loss:.6f}")
print(f"停止時の検証損失:   {last_val_loss:.6f}")
print(f"復元後の検証損失:   {restored_val_loss:.6f}")
