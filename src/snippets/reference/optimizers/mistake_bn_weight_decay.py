"""よくある間違い 2: BatchNorm(とバイアス)にも重み減衰をかけてしまう。

``AdamW(model.parameters(), weight_decay=...)`` は、BatchNorm の scale
(weight)と shift(bias)、各層のバイアスにも重み減衰をかける。BatchNorm の
weight は特徴量の大きさを決めるパラメータで、0 に引っ張る理由がない。
パラメータグループで重み減衰の対象を分け、その違いを測る。
"""

import torch
import torch.nn as nn
from torch.optim import AdamW


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Linear(16, 32)
        self.bn = nn.BatchNorm1d(32)
        self.head = nn.Linear(32, 1)

    def forward(self, x):
        return self.head(torch.relu(self.bn(self.features(x))))


def param_groups(model, weight_decay):
    """BatchNorm のパラメータとバイアスを、重み減衰なしのグループに分ける。"""
    decay, no_decay = [], []
    for module in model.modules():
        for name, p in module.named_parameters(recurse=False):
            if isinstance(module, nn.BatchNorm1d) or name == "bias":
                no_decay.append(p)
            else:
                decay.append(p)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]


torch.manual_seed(0)
x = torch.randn(256, 16)
y = x[:, :1] * 3
init = Net().state_dict()


def train(groups_fn):
    torch.manual_seed(1)
    model = Net()
    model.load_state_dict(init)
    optimizer = AdamW(groups_fn(model), lr=0.01)
    for _ in range(300):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
    return model


# 誤り例: すべてのパラメータに重み減衰
wrong = train(lambda m: [{"params": m.parameters(), "weight_decay": 0.5}])
# 正しい例: BatchNorm とバイアスは重み減衰なし
right = train(lambda m: param_groups(m, weight_decay=0.5))

groups = param_groups(Net(), 0.5)
n_decay = sum(p.numel() for p in groups[0]["params"])
n_no_decay = sum(p.numel() for p in groups[1]["params"])
print(f"重み減衰あり: {n_decay} 個、なし(BN とバイアス): {n_no_decay} 個")
bn_wrong = wrong.bn.weight.abs().mean().item()
bn_right = right.bn.weight.abs().mean().item()
print(
    f"BN の weight の平均絶対値(初期値 1.0): 誤り例 {bn_wrong:.3f}, "
    f"正しい例 {bn_right:.3f}"
)
