"""主なスケジューラの学習率の変化を、同じ 100 ステップで描き比べる。

どのスケジューラも ``optimizer.step()`` のあとに ``scheduler.step()`` を呼ぶ
(逆にすると PyTorch が警告を出す)。ここでは学習はせず、学習率だけを記録する。
"""

import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import torch
import torch.nn as nn
from torch.optim import lr_scheduler as sched

STEPS = 100
BASE_LR = 0.1


def trace(make_scheduler, momentum=0.0):
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(
        model.parameters(), lr=BASE_LR, momentum=momentum
    )
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(STEPS):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()  # 先に optimizer
        scheduler.step()
    return lrs


schedules = {
    "StepLR(step_size=30, gamma=0.1)": trace(
        lambda o: sched.StepLR(o, step_size=30, gamma=0.1)
    ),
    "MultiStepLR(milestones=[50, 80])": trace(
        lambda o: sched.MultiStepLR(o, milestones=[50, 80], gamma=0.1)
    ),
    "ExponentialLR(gamma=0.95)": trace(
        lambda o: sched.ExponentialLR(o, gamma=0.95)
    ),
    "CosineAnnealingLR(T_max=100)": trace(
        lambda o: sched.CosineAnnealingLR(o, T_max=STEPS, eta_min=1e-4)
    ),
    "OneCycleLR(total_steps=100)": trace(
        lambda o: sched.OneCycleLR(o, max_lr=BASE_LR, total_steps=STEPS),
        momentum=0.9,
    ),
    "CyclicLR(triangular)": trace(
        lambda o: sched.CyclicLR(
            o, base_lr=0.01, max_lr=BASE_LR, step_size_up=20
        ),
        momentum=0.9,
    ),
    "ウォームアップ + コサイン(SequentialLR)": trace(
        lambda o: sched.SequentialLR(
            o,
            [
                sched.LinearLR(o, start_factor=0.01, total_iters=10),
                sched.CosineAnnealingLR(o, T_max=STEPS - 10, eta_min=1e-4),
            ],
            milestones=[10],
        )
    ),
}

for name, lrs in schedules.items():
    print(
        f"{name}: 最初 {lrs[0]:.4f}, 最大 {max(lrs):.4f}, 最後 {lrs[-1]:.5f}"
    )

fig, axes = plt.subplots(2, 4, figsize=(14, 6), sharex=True)
for ax, (name, lrs) in zip(axes.flat, schedules.items(), strict=False):
    ax.plot(range(STEPS), lrs, color="tab:blue")
    ax.set_title(name, fontsize=9)
    ax.set_ylim(0, BASE_LR * 1.1)
for ax in axes[1]:
    ax.set_xlabel("ステップ(エポックまたはバッチ)")
for ax in axes[:, 0]:
    ax.set_ylabel("学習率")
axes.flat[-1].axis("off")
fig.suptitle("主な学習率スケジューラ(初期学習率 0.1、100 ステップ)")
fig.tight_layout()
plt.show()
