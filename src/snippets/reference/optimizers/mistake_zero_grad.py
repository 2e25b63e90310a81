"""よくある間違い 1: zero_grad() を忘れる。その影響を測り、直した版と比べる。

同じデータ・同じ初期値で 30 ステップ学習する。zero_grad() を呼ばないと
勾配が毎ステップ足し込まれ、実際の更新量が過去の勾配の合計になる。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(64, 3)
target = x @ torch.tensor([[1.5], [-2.0], [0.5]])
criterion = nn.MSELoss()
init = nn.Linear(3, 1).state_dict()


def train(zero_grad: bool, steps: int = 30) -> list[float]:
    model = nn.Linear(3, 1)
    model.load_state_dict(init)  # 同じ初期値から始める
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    losses = []
    for _ in range(steps):
        if zero_grad:
            optimizer.zero_grad()  # 正しい例: 毎ステップ勾配を戻す
        output = model(x)
        loss = criterion(output, target)  # 損失は毎回計算し直す
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


wrong = train(zero_grad=False)
right = train(zero_grad=True)
for step in [0, 4, 9, 19, 29]:
    print(
        f"ステップ {step + 1:>2}: zero_grad なし {wrong[step]:>12.4f}   "
        f"あり {right[step]:.4f}"
    )
