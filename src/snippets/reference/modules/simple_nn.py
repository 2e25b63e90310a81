"""nn.Module を継承して全結合ネットワークを定義する。

``__init__`` で層を作り、``forward`` でデータの流れを書く。層を属性に
代入すると、そのパラメータは自動でモデルに登録される。
"""

import torch
import torch.nn as nn


class SimpleNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1024, 224)  # 入力層 → 隠れ層
        self.fc2 = nn.Linear(224, 10)  # 隠れ層 → 出力層

    def forward(self, x):
        x = torch.relu(self.fc1(x))  # ReLU 活性化関数
        x = self.fc2(x)
        return x


model = SimpleNN()
print(model)  # モデルの構造

n_params = sum(p.numel() for p in model.parameters())
print(f"パラメータ数: {n_params:,}")

torch.manual_seed(0)
out = model(torch.randn(8, 1024))  # 8 サンプルのバッチ
print(f"出力の形: {tuple(out.shape)}")
