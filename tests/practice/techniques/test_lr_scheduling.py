"""docs/practice/techniques/lr_scheduling.md のテスト。

2.4 実用的なテクニック「学習率のスケジューリング」:
各スニペットが教えている内容を確かめる。
"""

import math

import torch

BASE = "practice/techniques/lr_scheduling"


def test_scheduler_curves(snippet):
    ns = snippet(f"{BASE}/schedulers_plot")
    c = ns["lr_curves"]
    step = c["StepLR"]
    assert step[:10] == [0.1] * 10 and math.isclose(step[10], 0.05)
    for k, lr in enumerate(c["ExponentialLR"]):
        assert math.isclose(lr, 0.1 * 0.95**k, rel_tol=1e-9)
    cos = c["CosineAnnealingLR"]
    assert math.isclose(cos[25], 1e-4 + (0.1 - 1e-4) / 2, rel_tol=1e-6)
    warm = c["ウォームアップ + コサイン"]
    assert math.isclose(warm[0], 0.01)
    assert all(a < b for a, b in zip(warm[:5], warm[1:6], strict=True))
    assert math.isclose(warm[5], 0.1)
    assert all(a >= b for a, b in zip(warm[5:], warm[6:], strict=False))
    ax = ns["ax"]
    assert ax.get_title() == "学習率スケジューラの比較"
    assert ax.get_yscale() == "log"


def test_torch_and_keras_schedules_agree(snippet):
    t = snippet(f"{BASE}/lr_schedule_torch")
    k = snippet(f"{BASE}/lr_schedule_keras")
    assert t["total_steps"] == k["epochs"] * k["steps_per_epoch"]
    # PyTorch のスケジュールを最初から再生し、Keras のものと比べる
    sched_cls = torch.optim.lr_scheduler
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=3e-3)
    warmup = t["warmup_steps"]
    sched = sched_cls.SequentialLR(
        opt,
        [
            sched_cls.LinearLR(opt, start_factor=0.01, total_iters=warmup),
            sched_cls.CosineAnnealingLR(opt, T_max=t["total_steps"] - warmup),
        ],
        milestones=[warmup],
    )
    for step in range(t["total_steps"]):
        keras_lr = float(k["schedule"](step))
        assert math.isclose(
            sched.get_last_lr()[0], keras_lr, rel_tol=1e-4, abs_tol=1e-8
        ), step
        opt.step()
        sched.step()
    assert t["val_acc"] > 0.9
    assert k["history"].history["val_accuracy"][-1] > 0.9
