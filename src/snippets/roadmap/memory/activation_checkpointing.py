"""勾配チェックポイント: 中間の値を捨てて、逆伝播のときに計算し直す。

``torch.utils.checkpoint.checkpoint`` で包んだ部分は、順伝播の中間結果を
保存せず、``backward()`` のときにもう一度順伝播して求める。計算は増えるが
メモリは減る。``use_reentrant=False`` を明示する(指定しないと警告が出る。
また古い reentrant 方式では、入力が requires_grad でないと包んだ層に勾配が
流れない)。結果と勾配は、包まない場合と一致する。
"""

import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint


class Net(nn.Module):
    def __init__(self, use_checkpoint: bool):
        super().__init__()
        self.use_checkpoint = use_checkpoint
        self.block1 = nn.Sequential(nn.Linear(32, 256), nn.ReLU())
        self.block2 = nn.Sequential(nn.Linear(256, 256), nn.ReLU())
        self.head = nn.Linear(256, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.use_checkpoint:
            x = checkpoint(self.block1, x, use_reentrant=False)
            x = checkpoint(self.block2, x, use_reentrant=False)
        else:
            x = self.block2(self.block1(x))
        return self.head(x)


torch.manual_seed(0)
x = torch.randn(8, 32)  # 入力は requires_grad=False のまま
plain = Net(use_checkpoint=False)
ckpt = Net(use_checkpoint=True)
ckpt.load_state_dict(plain.state_dict())

plain(x).sum().backward()
ckpt(x).sum().backward()

same_grads = all(
    torch.allclose(p.grad, q.grad)
    for p, q in zip(plain.parameters(), ckpt.parameters(), strict=True)
)
print(f"block1 に勾配が届いた: {ckpt.block1[0].weight.grad is not None}")
print(f"包まない場合と勾配が一致: {same_grads}")
