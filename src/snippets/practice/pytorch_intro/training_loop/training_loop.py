"""ミニバッチ学習ループを手で書く(手書き数字 8×8 の分類)。

1 ステップは「勾配を 0 に戻す → 順伝播 → 損失 → 逆伝播 → 更新」。データは
scikit-learn に同梱の digits(1,797 枚、ダウンロード不要)を使い、学習に
使わない検証データの正解率も測る。ランダムなラベルで学習すると損失は
下がっても丸暗記にすぎないので、検証データで確かめることが大切。
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import load_digits

torch.manual_seed(0)


class SimpleNet(nn.Module):
    """前節と同じ 3 層ネットワーク。"""

    def __init__(self, input_size: int, hidden_size: int, output_size: int):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, hidden_size)
        self.fc3 = nn.Linear(hidden_size, output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# データ: 画素値 0〜16 を 0〜1 に縮め、8 割を学習用、2 割を検証用にする
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16.0
y = torch.tensor(digits.target)
perm = torch.randperm(len(X))
n_train = int(0.8 * len(X))
X_train, y_train = X[perm[:n_train]], y[perm[:n_train]]
X_val, y_val = X[perm[n_train:]], y[perm[n_train:]]

model = SimpleNet(64, 128, 10)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

num_epochs = 10
batch_size = 32
losses = []

print("=== 学習開始 ===")
for epoch in range(num_epochs):
    model.train()
    order = torch.randperm(n_train)  # エポックごとに順番を混ぜる
    epoch_loss = 0.0
    for i in range(0, n_train, batch_size):
        idx = order[i : i + batch_size]
        batch_X, batch_y = X_train[idx], y_train[idx]

        optimizer.zero_grad()  # 前のステップの勾配を消す(重要)
        outputs = model(batch_X)  # 順伝播
        loss = criterion(outputs, batch_y)  # 損失
        loss.backward()  # 逆伝播(勾配を計算するだけで、更新はしない)
        optimizer.step()  # パラメータを更新

        epoch_loss += loss.item() * len(idx)
    losses.append(epoch_loss / n_train)

    # 検証: 勾配は不要なので no_grad で計算を軽くする
    model.eval()
    with torch.no_grad():
        val_acc = (model(X_val).argmax(dim=1) == y_val).float().mean().item()
    print(
        f"Epoch [{epoch + 1:2d}/{num_epochs}] "
        f"loss: {losses[-1]:.4f}  val_acc: {val_acc:.3f}"
    )

print("\n学習完了")
