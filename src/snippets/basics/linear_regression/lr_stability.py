"""入力のスケールと学習率: x の標準偏差 10・学習率 0.01 は発散しうる。

全データでの勾配降下法が安定する学習率の上限は、おおよそ
``1 / mean(x**2)``。x の標準偏差が 10 なら約 0.01 で、学習率 0.01 は
ちょうど限界にある。20 通りの乱数シードで、この設定と、標準化した入力
(標準偏差 1)+ 学習率 0.1 の設定を 100 エポックずつ学習し、
「最後の損失が最初より大きい(発散)」と「最小二乗法の誤差の 1% 以内に
届いた(収束)」を数える。
"""

import torch
import torch.nn as nn


def train(seed: int, scale: float, lr: float) -> tuple[float, float, float]:
    torch.manual_seed(seed)
    X = torch.randn(100, 1) * scale
    y = 2 * X + 1 + torch.randn(100, 1) * 2
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(100):
        loss = nn.functional.mse_loss(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    # 最小二乗法の解での誤差(これより小さくはならない)
    A = torch.cat([X, torch.ones_like(X)], dim=1)
    solution = torch.linalg.lstsq(A, y).solution
    best = nn.functional.mse_loss(A @ solution, y).item()
    return losses[0], losses[-1], best


def summarize(name: str, runs: list[tuple[float, float, float]]) -> dict:
    # nan / inf は比較が False になるので、not (<=) で発散に数える
    diverged = sum(1 for first, last, _ in runs if not last <= first)
    converged = sum(1 for _, last, best in runs if last <= best * 1.01)
    print(f"{name}: 発散 {diverged} / 20、収束 {converged} / 20")
    return {"diverged": diverged, "converged": converged}


seeds = range(20)
unscaled = summarize(
    "未標準化(標準偏差 10、lr=0.01)",
    [train(s, scale=10.0, lr=0.01) for s in seeds],
)
standardized = summarize(
    "標準化(標準偏差 1、lr=0.1)    ",
    [train(s, scale=1.0, lr=0.1) for s in seeds],
)
