"""問題2 補足: zero_grad() を忘れてもエラーは出ず、勾配が累積していく。

``backward()`` は勾配を ``.grad`` に「足し込む」。リセットしないと、毎ステップ
過去の勾配の合計で更新することになる。同じ 10 ステップを、リセットあり・
なしで比べ、更新に使われた勾配の大きさを見る。
"""

import torch
import torch.nn as nn


def grad_norms(reset: bool) -> list[float]:
    torch.manual_seed(0)
    model = nn.Linear(10, 5)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    criterion = nn.MSELoss()
    norms = []
    for _step in range(10):
        x, y = torch.randn(32, 10), torch.randn(32, 5)
        if reset:
            optimizer.zero_grad()
        criterion(model(x), y).backward()
        norms.append(model.weight.grad.norm().item())
        optimizer.step()
    return norms


with_reset = grad_norms(reset=True)
without_reset = grad_norms(reset=False)
print("ステップ  zero_grad あり  zero_grad なし")
for step in range(10):
    a, b = with_reset[step], without_reset[step]
    print(f"{step + 1:>6}  {a:>14.3f}  {b:>14.3f}")
