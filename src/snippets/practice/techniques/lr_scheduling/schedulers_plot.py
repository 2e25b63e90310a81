"""学習率スケジューラを比べる: 50 エポックでの学習率の推移を描く。

StepLR(一定間隔で段階的に減らす)、ExponentialLR(毎エポック一定の割合で
減らす)、CosineAnnealingLR(コサインで滑らかに減らす)、そして
SequentialLR で LinearLR(ウォームアップ)と CosineAnnealingLR をつないだもの。
スケジューラは 1 つのオプティマイザに 1 つ付け、``optimizer.step()`` の後に
``scheduler.step()`` を呼ぶ(逆順だと警告が出て、最初の学習率が飛ばされる)。
"""

import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import torch
from torch.optim.lr_scheduler import (
    CosineAnnealingLR,
    ExponentialLR,
    LinearLR,
    SequentialLR,
    StepLR,
)

EPOCHS, BASE_LR = 50, 0.1


def make_optimizer() -> torch.optim.Optimizer:
    # 学習率の推移だけを見るので、パラメータは 1 つでよい
    return torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=BASE_LR)


def warmup_cosine(opt: torch.optim.Optimizer) -> SequentialLR:
    # 最初の 5 エポックで 0.1 倍から 1 倍まで直線的に上げる
    warmup = LinearLR(opt, start_factor=0.1, total_iters=5)
    cosine = CosineAnnealingLR(opt, T_max=EPOCHS - 5, eta_min=1e-4)
    return SequentialLR(opt, [warmup, cosine], milestones=[5])


factories = {
    "StepLR": lambda o: StepLR(o, step_size=10, gamma=0.5),
    "ExponentialLR": lambda o: ExponentialLR(o, gamma=0.95),
    "CosineAnnealingLR": lambda o: CosineAnnealingLR(
        o, T_max=EPOCHS, eta_min=1e-4
    ),
    "ウォームアップ + コサイン": warmup_cosine,
}

lr_curves = {}
for name, make_scheduler in factories.items():
    optimizer = make_optimizer()
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _epoch in range(EPOCHS):
        lrs.append(scheduler.get_last_lr()[0])  # このエポックで使う学習率
        optimizer.step()  # 本来はここで 1 エポック分の学習をする
        scheduler.step()  # エポックの終わりに学習率を更新する
    lr_curves[name] = lrs
    print(f"{name}: 最初 {lrs[0]:.4f} → 最後 {lrs[-1]:.6f}")

fig, ax = plt.subplots(figsize=(8, 4.5))
for name, lrs in lr_curves.items():
    ax.plot(range(1, EPOCHS + 1), lrs, label=name, linewidth=2)
ax.set(
    xlabel="エポック",
    ylabel="学習率(対数目盛)",
    title="学習率スケジューラの比較",
    yscale="log",
)
ax.legend()
fig.tight_layout()
plt.show()
