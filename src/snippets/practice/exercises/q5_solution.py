"""問題5 解答例: 早期終了とチェックポイント(ファイル保存)を組み合わせる。

検証損失が改善するたびに ``state_dict`` をファイルに保存し、``patience``
エポック改善しなければ止めて、最良のファイルを読み込み直す。``torch.save``
はテンソルの値をファイルに書くので、浅いコピーの問題は起きない。
"""

import os
import tempfile

import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


class EarlyStoppingWithCheckpoint:
    """改善のたびに保存し、改善が止まったら知らせる。"""

    def __init__(self, checkpoint_path: str, patience: int = 5):
        self.checkpoint_path = checkpoint_path
        self.patience = patience
        self.counter = 0
        self.best_loss = float("inf")
        self.best_epoch = 0

    def __call__(self, val_loss: float, model: nn.Module, epoch: int) -> bool:
        if val_loss < self.best_loss:
            print(f"  改善: {self.best_loss:.4f} → {val_loss:.4f}、保存する")
            self.best_loss, self.best_epoch, self.counter = val_loss, epoch, 0
            torch.save(model.state_dict(), self.checkpoint_path)
            return False
        self.counter += 1
        print(f"  改善なし: {self.counter}/{self.patience}")
        return self.counter >= self.patience

    def load_best_model(self, model: nn.Module) -> None:
        model.load_state_dict(torch.load(self.checkpoint_path))


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
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


def val_loss_of(model: nn.Module) -> float:
    model.eval()
    with torch.no_grad():
        return criterion(model(X_val), y_val).item()


with tempfile.TemporaryDirectory() as tmp:
    stopper = EarlyStoppingWithCheckpoint(
        os.path.join(tmp, "best_model.pt"), patience=3
    )
    for epoch in range(1, 51):
        model.train()
        for idx in torch.randperm(len(X_train)).split(64):
            optimizer.zero_grad()
            criterion(model(X_train[idx]), y_train[idx]).backward()
            optimizer.step()
        val_loss = val_loss_of(model)
        print(f"Epoch {epoch}: val_loss {val_loss:.4f}")
        if stopper(val_loss, model, epoch):
            print(f"早期終了(最良はエポック {stopper.best_epoch})")
            break
    stopper.load_best_model(model)

restored_val_loss = val_loss_of(model)
print(f"復元後の検証損失: {restored_val_loss:.4f}")
