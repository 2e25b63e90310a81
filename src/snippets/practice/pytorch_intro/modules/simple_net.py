"""nn.Module で 3 層の全結合ネットワークを定義する。

``__init__`` で層を作り、``forward`` で順伝播を書く。パラメータ数は
784×128+128 + 128×128+128 + 128×10+10 = 118,282 で、実行結果と一致する。
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SimpleNet(nn.Module):
    """入力 → 隠れ層 → 隠れ層 → 出力 の 3 層ネットワーク。"""

    def __init__(self, input_size: int, hidden_size: int, output_size: int):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, hidden_size)
        self.fc3 = nn.Linear(hidden_size, output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.fc1(x))  # 1 層目 + ReLU
        x = F.relu(self.fc2(x))  # 2 層目 + ReLU
        return self.fc3(x)  # 出力層(活性化なし: 損失関数側で扱う)


torch.manual_seed(0)
model = SimpleNet(input_size=784, hidden_size=128, output_size=10)
print(model)

n_params = sum(p.numel() for p in model.parameters())
print(f"\n総パラメータ数: {n_params:,}")

x = torch.randn(32, 784)  # バッチサイズ 32
output = model(x)
print(f"\n入力 shape: {x.shape}")
print(f"出力 shape: {output.shape}")
