"""パラメータグループで、層ごとに違う学習率を設定する。

事前学習済みの特徴抽出部(base)は小さな学習率で、新しく付けた分類部
(classifier)は大きな学習率で学習する、というファインチューニングでよく
使う形。スケジューラは各グループの学習率を同じ割合で変える。
"""

import torch.nn as nn
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.base = nn.Sequential(nn.Linear(32, 64), nn.ReLU())
        self.classifier = nn.Linear(64, 10)

    def forward(self, x):
        return self.classifier(self.base(x))


model = Net()
optimizer = optim.SGD(
    [
        {"params": model.base.parameters(), "lr": 0.001},
        {"params": model.classifier.parameters(), "lr": 0.01},
    ],
    momentum=0.9,  # 全グループ共通の値
)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)

lrs = {}
for epoch in range(60):
    # ... 1 エポック分の学習(ここでは optimizer.step() だけ呼ぶ) ...
    optimizer.step()
    scheduler.step()
    if epoch + 1 in (1, 30, 60):
        lrs[epoch + 1] = [g["lr"] for g in optimizer.param_groups]
for epoch, (lr_base, lr_cls) in lrs.items():
    print(
        f"{epoch:>2} エポック後: base {lr_base:.6f}, classifier {lr_cls:.6f}"
    )
