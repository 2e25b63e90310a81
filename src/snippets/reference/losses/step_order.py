"""1 ステップの正しい順序と、zero_grad() で勾配のメモリが解放されること。

``zero_grad()`` は既定(``set_to_none=True``)で ``.grad`` を None にし、
勾配のテンソルを解放する。次の ``backward()`` で新しく作られる。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(100, 10)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, target = torch.randn(32, 100), torch.randn(32, 10)

optimizer.zero_grad()  # 勾配をリセット(.grad を None にする)
print(f"zero_grad のあと:  weight.grad is None → {model.weight.grad is None}")
output = model(x)
loss = criterion(output, target)
loss.backward()  # 勾配を計算
print(f"backward のあと:   weight.grad の形 {tuple(model.weight.grad.shape)}")
optimizer.step()  # パラメータを更新
optimizer.zero_grad()  # 次のステップのために戻す(勾配のメモリも解放)
print(f"次の zero_grad で: weight.grad is None → {model.weight.grad is None}")
