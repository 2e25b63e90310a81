"""勾配チェックポイント: 中間結果を捨て、逆伝播のときに計算し直す。

``torch.utils.checkpoint.checkpoint`` で包んだ部分は、順伝播の中間結果を
保持せず、逆伝播で再計算する。計算時間と引き換えにメモリを減らす技法。
``use_reentrant=False`` を明示する(現在推奨の実装。省略すると警告が出る)。
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)


class MemoryEfficientNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(64, 256)
        self.layer2 = nn.Linear(256, 256)
        self.layer3 = nn.Linear(256, 10)

    def block1(self, x: torch.Tensor) -> torch.Tensor:
        return F.relu(self.layer1(x))

    def block2(self, x: torch.Tensor) -> torch.Tensor:
        return F.relu(self.layer2(x))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = checkpoint(self.block1, x, use_reentrant=False)
        x = checkpoint(self.block2, x, use_reentrant=False)
        return self.layer3(x)


model = MemoryEfficientNet()
x = torch.randn(32, 64)  # 入力は requires_grad=False のままでよい
y = torch.randint(0, 10, (32,))
loss = F.cross_entropy(model(x), y)
loss.backward()

for name, p in model.named_parameters():
    status = "なし" if p.grad is None else f"ノルム {p.grad.norm():.4f}"
    print(f"{name:>14}: 勾配 {status}")
