"""nn.Module を継承したカスタムモデル(Keras の keras.Model に相当)。

``__init__`` で層を作り、``forward`` に順伝播を書く。Dropout の切り替えは
引数ではなく ``model.train()`` / ``model.eval()`` で行う。
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)


class CustomModel(nn.Module):
    def __init__(self, num_classes: int = 10):
        super().__init__()
        self.dense1 = nn.Linear(64, 128)
        self.dropout = nn.Dropout(0.2)
        self.dense2 = nn.Linear(128, 128)
        self.out = nn.Linear(128, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """順伝播(Keras の call に相当)。"""
        x = F.relu(self.dense1(x))
        x = self.dropout(x)  # model.train() のときだけ効く
        x = F.relu(self.dense2(x))
        return self.out(x)


digits = load_digits()
X_train, X_val, y_train, y_val = train_test_split(
    digits.data / 16.0, digits.target, test_size=0.2, random_state=0
)
X_train = torch.tensor(X_train, dtype=torch.float32)
X_val = torch.tensor(X_val, dtype=torch.float32)
y_train, y_val = torch.tensor(y_train), torch.tensor(y_val)

model = CustomModel(num_classes=10)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for _epoch in range(10):
    model.train()
    for idx in torch.randperm(len(X_train)).split(32):
        optimizer.zero_grad()
        criterion(model(X_train[idx]), y_train[idx]).backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    out = model(X_val)
val_loss = criterion(out, y_val).item()
val_acc = (out.argmax(1) == y_val).float().mean().item()
print(f"検証損失 {val_loss:.4f}、検証正解率 {val_acc:.3f}")

x = X_val[:4]
with torch.no_grad():
    model.eval()
    same_eval = torch.equal(model(x), model(x))
    model.train()
    same_train = torch.equal(model(x), model(x))
print(f"eval() で 2 回呼んだ出力は同じか: {same_eval}")
print(f"train() で 2 回呼んだ出力は同じか: {same_train}")
