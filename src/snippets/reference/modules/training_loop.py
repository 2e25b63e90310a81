"""最小の学習ループ: 順伝播 → 損失 → 勾配のリセット → 逆伝播 → 更新。

``loss.backward()`` は勾配を計算するだけで、パラメータを更新するのは
``optimizer.step()``。勾配は足し込まれるので毎回 ``zero_grad()`` で戻す。
"""

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# 2 つの塊からなる 2 次元の 2 クラス分類データ
x = torch.cat([torch.randn(200, 2) + 2, torch.randn(200, 2) - 2])
y = torch.cat([torch.zeros(200), torch.ones(200)]).long()
train_loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True)

model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2)).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

num_epochs = 5
losses = []
model.train()  # 学習モード(Dropout や BatchNorm の動きが変わる)
for epoch in range(num_epochs):
    total = 0.0
    for batch_data, batch_labels in train_loader:
        batch_data = batch_data.to(device)
        batch_labels = batch_labels.to(device)
        outputs = model(batch_data)  # 順伝播
        loss = criterion(outputs, batch_labels)  # 損失の計算
        optimizer.zero_grad()  # 勾配を 0 に戻す
        loss.backward()  # 逆伝播(勾配の計算だけ)
        optimizer.step()  # パラメータの更新
        total += loss.item() * len(batch_data)
    losses.append(total / len(train_loader.dataset))
    print(f"エポック {epoch}: 平均損失 {losses[-1]:.4f}")

model.eval()
with torch.no_grad():
    accuracy = (model(x.to(device)).argmax(1) == y.to(device)).float().mean()
print(f"学習データでの正解率: {accuracy.item():.3f}")
