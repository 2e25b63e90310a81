"""損失が下がらないときの点検: 学習率、勾配、入力のスケールを順に確かめる。

同じモデルとデータで、設定だけを変えて 30 ステップ学習し、損失の変化を
比べる。よくある原因は次の 3 つ。

- 学習率が大きすぎる: 損失が増えて発散する(inf / nan)
- ``zero_grad()`` を忘れる: 勾配が足し込まれ続け、更新が暴れる
- 入力のスケールがそろっていない: 大きな特徴量に引きずられて進まない
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(200, 3)
X[:, 0] *= 100  # 1 列だけ桁が大きい
y = X @ torch.tensor([[0.01], [1.0], [-1.0]]) + 0.1 * torch.randn(200, 1)


def run(lr: float, zero_grad: bool = True, standardize: bool = False):
    inputs = (X - X.mean(0)) / X.std(0) if standardize else X
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(30):
        if zero_grad:
            optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(inputs), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


cases = {
    "学習率が大きすぎる(lr=0.01、未標準化)": run(lr=0.01),
    "学習率を下げただけ(lr=1e-5、未標準化)": run(lr=1e-5),
    "zero_grad を忘れた(標準化、lr=0.1)": run(
        lr=0.1, zero_grad=False, standardize=True
    ),
    "標準化 + lr=0.1 + zero_grad(正しい)": run(lr=0.1, standardize=True),
}
for name, losses in cases.items():
    print(f"{name}: {losses[0]:.3g} -> {losses[-1]:.3g}")

# 勾配のノルムを見ると、発散の兆候(急増)や消失(ほぼ 0)に早く気づける
torch.manual_seed(1)
model = nn.Linear(3, 1)
nn.functional.mse_loss(model(X), y).backward()
grads = [round(g, 2) for g in model.weight.grad.flatten().tolist()]
print(f"\n未標準化のときの重みの勾配: {grads}")
