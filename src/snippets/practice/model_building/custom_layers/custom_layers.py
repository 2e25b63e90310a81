"""nn.Module を継承して独自のレイヤー(ノイズ層と残差ブロック)を作る。

``GaussianNoise`` は学習時だけ入力にノイズを足す正則化レイヤー、
``ResidualBlock`` は ``y = F(x) + x`` の残差接続を持つブロック。
``self.training`` は ``model.train()`` / ``model.eval()`` で切り替わるので、
同じ入力でも学習モードと評価モードで出力が変わる。
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class GaussianNoise(nn.Module):
    """学習時だけガウシアンノイズを加えるレイヤー。"""

    def __init__(self, sigma: float = 0.1):
        super().__init__()
        self.sigma = sigma  # ノイズの標準偏差

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training:  # 学習モードのときだけ
            return x + torch.randn_like(x) * self.sigma
        return x


class ResidualBlock(nn.Module):
    """残差接続(ショートカット)を持つブロック: y = relu(F(x) + x)。"""

    def __init__(self, size: int):
        super().__init__()
        self.fc1 = nn.Linear(size, size)
        self.fc2 = nn.Linear(size, size)
        self.bn1 = nn.BatchNorm1d(size)
        self.bn2 = nn.BatchNorm1d(size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        residual = x  # ショートカット
        out = F.relu(self.bn1(self.fc1(x)))
        out = self.bn2(self.fc2(out))
        return F.relu(out + residual)  # 入力を足してから活性化


class CustomNet(nn.Module):
    """カスタムレイヤーを組み込んだモデル(入力 64 次元、10 クラス)。"""

    def __init__(self, in_features: int = 64, hidden: int = 128):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.noise = GaussianNoise(sigma=0.05)
        self.res1 = ResidualBlock(hidden)
        self.res2 = ResidualBlock(hidden)
        self.fc_out = nn.Linear(hidden, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.fc1(x))
        x = self.noise(x)  # 正則化のためのノイズ
        x = self.res1(x)
        x = self.res2(x)
        return self.fc_out(x)


model = CustomNet()
x = torch.randn(16, 64)

model.train()
out_train1 = model(x)
out_train2 = model(x)
model.eval()
out_eval1 = model(x)
out_eval2 = model(x)

print(f"出力の形: {tuple(out_eval1.shape)}")
# 学習モードではノイズが毎回変わるので、同じ入力でも出力が変わる
print(f"学習モード 2 回の出力は同じか: {torch.equal(out_train1, out_train2)}")
print(f"評価モード 2 回の出力は同じか: {torch.equal(out_eval1, out_eval2)}")
n_params = sum(p.numel() for p in model.parameters())
print(f"パラメータ数: {n_params:,}")
