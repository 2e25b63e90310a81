"""マルチタスク学習: 分類と回帰の 2 つの出力を持つモデルと、複合損失。

損失を重み付きで足し合わせて 1 回 backward すれば、共有部分には両方の
タスクの勾配が流れる。
"""

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class TwoHeadNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(8, 32), nn.ReLU())  # 共有部分
        self.cls_head = nn.Linear(32, 3)  # 分類(3 クラス)
        self.reg_head = nn.Linear(32, 1)  # 回帰

    def forward(self, x):
        h = self.body(x)
        return self.cls_head(h), self.reg_head(h)


class MultiTaskLoss(nn.Module):
    def __init__(self, reg_weight=0.5):
        super().__init__()
        self.ce = nn.CrossEntropyLoss()
        self.mse = nn.MSELoss()
        self.reg_weight = reg_weight

    def forward(self, pred_class, pred_reg, target_class, target_reg):
        loss1 = self.ce(pred_class, target_class)
        loss2 = self.mse(pred_reg, target_reg)
        return loss1 + self.reg_weight * loss2  # 重み付きの和


torch.manual_seed(0)
x = torch.randn(256, 8)
labels_class = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()  # 0, 1, 2
labels_reg = x[:, 2:3] * 2 + x[:, 3:4]
train_loader = DataLoader(
    TensorDataset(x, labels_class, labels_reg), batch_size=32, shuffle=True
)

model = TwoHeadNet()
criterion = MultiTaskLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

epochs = 5
history = []
for epoch in range(epochs):
    total = 0.0
    for data, target_class, target_reg in train_loader:
        outputs_class, outputs_reg = model(data)
        loss = criterion(outputs_class, outputs_reg, target_class, target_reg)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(data)
    history.append(total / len(x))
    print(f"エポック {epoch}: 複合損失 {history[-1]:.4f}")
