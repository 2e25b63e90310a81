"""Adam の主な引数と、param_groups に入る値。"""

import torch.nn as nn
import torch.optim as optim

model = nn.Linear(10, 2)
optimizer = optim.Adam(
    params=model.parameters(),  # 必須: 最適化するパラメータ
    lr=0.001,  # 学習率(既定 0.001)
    betas=(0.9, 0.999),  # 勾配とその 2 乗の移動平均の係数
    eps=1e-8,  # 0 除算を防ぐ小さな値
    weight_decay=0.01,  # L2 正則化の係数(既定 0)
    amsgrad=False,  # AMSGrad 版を使うか
)
group = optimizer.param_groups[0]
for key in ["lr", "betas", "eps", "weight_decay", "amsgrad"]:
    print(f"{key:<13} {group[key]}")
print(f"パラメータ数: {sum(p.numel() for p in group['params'])}")
