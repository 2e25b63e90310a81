"""勾配蓄積: 小さなバッチの勾配を足し込んでから更新し、大きなバッチを再現する。

GPU メモリに 32 件のバッチが載らなくても、8 件ずつ 4 回 ``backward()`` して
勾配を足し込んでから ``step()`` すれば、32 件で 1 回更新したのと同じになる。
損失は平均なので、足し込む前に蓄積回数で割るのを忘れないこと(割らないと
勾配が 4 倍になり、学習率を 4 倍にしたのと同じになる)。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(32, 10)
y = torch.randn(32, 1)
loss_fn = nn.MSELoss()

# (a) 32 件を一度に流す
model_big = nn.Linear(10, 1)
loss_fn(model_big(X), y).backward()
grad_big = model_big.weight.grad.clone()

# (b) 同じ初期値のモデルで、8 件ずつ 4 回に分けて勾配を蓄積する
model_acc = nn.Linear(10, 1)
model_acc.load_state_dict(model_big.state_dict())
accum_steps = 4
optimizer = torch.optim.SGD(model_acc.parameters(), lr=0.1)
optimizer.zero_grad()
for xb, yb in zip(X.chunk(accum_steps), y.chunk(accum_steps), strict=True):
    loss = loss_fn(model_acc(xb), yb) / accum_steps  # 回数で割る
    loss.backward()  # .grad に足し込まれる
grad_acc = model_acc.weight.grad.clone()
optimizer.step()  # 蓄積し終えてから 1 回だけ更新
optimizer.zero_grad()

max_diff = (grad_big - grad_acc).abs().max().item()
print(f"大きなバッチとの勾配の差(最大): {max_diff:.2e}")
print(f"一致(allclose): {torch.allclose(grad_big, grad_acc, atol=1e-6)}")
