"""問題2: バグのある学習ループ(このまま実行するとエラーになる)。

実行すると表示されるエラーが 1 つ目のバグの手がかり。2 つ目のバグは
エラーにならない。
"""
# expect-error: RuntimeError

import torch
import torch.nn as nn

model = nn.Linear(10, 5)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

for _ in range(10):
    x = torch.randn(32, 10)
    y = torch.randn(32, 5)

    output = model(x)
    loss = nn.MSELoss(output, y)
    loss.backward()
    optimizer.step()
