"""問題2 解答例: 損失関数をインスタンス化し、毎ステップ勾配をリセットする。

誤り 1: ``nn.MSELoss(output, y)`` はクラスの生成で、損失の計算ではない。
``criterion = nn.MSELoss()`` で作ってから ``criterion(output, y)`` と呼ぶ。
誤り 2: ``optimizer.zero_grad()`` がないと勾配が前のステップから累積する。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)

model = nn.Linear(10, 5)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
criterion = nn.MSELoss()  # 損失関数をインスタンス化する

# 学習できることを確かめるため、ランダムではなく線形の関係を持つデータにする
true_w = torch.randn(10, 5)
losses = []
for _step in range(100):
    x = torch.randn(32, 10)
    y = x @ true_w

    optimizer.zero_grad()  # 勾配をリセット(追加)
    output = model(x)
    loss = criterion(output, y)  # インスタンスを呼んで損失を計算
    loss.backward()
    optimizer.step()
    losses.append(loss.item())

print(f"最初の損失: {losses[0]:.4f}")
print(f"100 ステップ後の損失: {losses[-1]:.4f}")
