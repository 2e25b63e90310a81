"""ReduceLROnPlateau: 改善しない回数が patience を超えたら学習率を下げる。

``patience=5, factor=0.5`` なら、最良の値から改善しない評価が 6 回続いた
ところで学習率が半分になる(5 回までは待つ)。ここでは検証損失の代わりに
一定の値を渡して、いつ下がるかだけを確かめる。
"""

import torch

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, mode="min", patience=5, factor=0.5
)

lrs = []
for step in range(1, 14):
    scheduler.step(1.0)  # 1 回目が最良値、そのあとは改善なし
    lrs.append(optimizer.param_groups[0]["lr"])
    print(f"評価 {step:2d} 回目のあとの学習率: {lrs[-1]:.4f}")
