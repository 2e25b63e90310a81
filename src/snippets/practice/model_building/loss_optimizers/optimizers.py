"""オプティマイザを比べる: 同じモデル・同じデータで数エポック学習する。

どのオプティマイザも ``zero_grad → backward → step`` の使い方は同じ。
データは scikit-learn 同梱の digits(8×8 画素の手書き数字)。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits

digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16.0
y = torch.tensor(digits.target)


def make_model() -> nn.Module:
    torch.manual_seed(0)  # どのオプティマイザも同じ初期値から始める
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))


optimizers = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.01),
    "SGD+momentum": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9),
    "Adam": lambda p: torch.optim.Adam(p, lr=1e-3),
    "AdamW": lambda p: torch.optim.AdamW(p, lr=1e-3, weight_decay=0.01),
    "RMSprop": lambda p: torch.optim.RMSprop(p, lr=1e-3),
}

criterion = nn.CrossEntropyLoss()
final_loss = {}
for name, make_opt in optimizers.items():
    model = make_model()
    optimizer = make_opt(model.parameters())
    g = torch.Generator().manual_seed(0)
    for _epoch in range(3):
        for idx in torch.randperm(len(X), generator=g).split(64):
            optimizer.zero_grad()  # 勾配をリセット
            loss = criterion(model(X[idx]), y[idx])  # 順伝播と損失
            loss.backward()  # 逆伝播
            optimizer.step()  # パラメータ更新
    with torch.no_grad():
        final_loss[name] = criterion(model(X), y).item()
    print(f"{name:>13}: 3 エポック後の損失 {final_loss[name]:.4f}")
