"""Dataset と DataLoader: ミニバッチ化とシャッフルを任せる。

``Dataset`` は ``__len__`` と ``__getitem__`` を持つだけのクラス。
``DataLoader`` がそこからサンプルを集めてバッチにし、``shuffle=True`` なら
エポックごとに順番を混ぜる。``drop_last=True`` は端数のバッチを捨てる。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, Dataset, random_split

torch.manual_seed(0)


class DigitsDataset(Dataset):
    """NumPy 配列を包んで、1 サンプルずつテンソルで返すデータセット。"""

    def __init__(self, features, labels, transform=None):
        self.features = torch.tensor(features, dtype=torch.float32)
        self.labels = torch.tensor(labels, dtype=torch.long)
        self.transform = transform

    def __len__(self) -> int:
        return len(self.features)

    def __getitem__(self, idx: int):
        x = self.features[idx]
        if self.transform is not None:
            x = self.transform(x)
        return x, self.labels[idx]


digits = load_digits()
dataset = DigitsDataset(digits.data, digits.target, transform=lambda x: x / 16)
train_set, val_set = random_split(
    dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)

train_loader = DataLoader(
    train_set,
    batch_size=32,
    shuffle=True,  # エポックごとに順番を混ぜる
    num_workers=0,  # 0 = メインプロセスで読む(小さなデータではこれが速い)
    drop_last=True,  # 端数のバッチを捨てる
)
val_loader = DataLoader(val_set, batch_size=256)

print(f"データセットのサイズ: 学習 {len(train_set)}、検証 {len(val_set)}")
print(f"1 エポックのバッチ数: {len(train_loader)}(= {len(train_set)} // 32)")
for i, (xb, yb) in enumerate(train_loader):
    print(f"バッチ {i + 1}: x {tuple(xb.shape)}, y {tuple(yb.shape)}")
    if i == 1:
        break

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

print()
for epoch in range(3):
    model.train()
    total_loss = 0.0
    for xb, yb in train_loader:  # 読み込んだバッチを xb, yb と呼ぶ
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()

    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in val_loader:
            correct += (model(xb).argmax(dim=1) == yb).sum().item()
    val_acc = correct / len(val_set)
    print(
        f"Epoch {epoch + 1}: 平均損失 {total_loss / len(train_loader):.4f}"
        f"  検証正解率 {val_acc:.3f}"
    )
