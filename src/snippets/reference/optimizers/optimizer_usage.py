"""オプティマイザの基本的な使い方: Adam で小さな分類モデルを学習する。

``weight_decay`` を指定した ``Adam`` は、勾配に L2 正則化の項を足す。
重み減衰を勾配と切り離して適用したいときは ``AdamW`` を使う。
"""

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.randn(512, 20)
y = (x[:, :5].sum(dim=1) > 0).long()  # 最初の 5 特徴の和の符号で 2 クラス
train_loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)

model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.001, weight_decay=1e-4)

epochs = 5
for epoch in range(epochs):
    total = 0.0
    for data, target in train_loader:
        optimizer.zero_grad()  # 勾配のリセット
        output = model(data)
        loss = criterion(output, target)
        loss.backward()  # 勾配の計算
        optimizer.step()  # パラメータの更新
        total += loss.item() * len(data)
    print(f"エポック {epoch}: 損失 {total / len(x):.4f}")
