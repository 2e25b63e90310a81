"""学習率のスケジュール: torch のスケジューラと Keras のスケジュールは、
各ステップで同じ学習率を返すか。

torch は ``scheduler.step()`` を呼ぶたびに進み、Keras のスケジュールは
ステップ数(``optimizer.iterations``)を受け取る関数。t ステップ目の学習率を
t = 0, 1, … について比べる。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras
import numpy as np
import torch
from torch.optim import lr_scheduler

TOL = 1e-9  # 学習率は 1e-3 程度。float64 と float32 の丸めを見込む
LR, TOTAL = 1e-3, 30


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


def torch_lrs(make_scheduler) -> list[float]:
    """0 から TOTAL - 1 ステップ目までの学習率(torch)。"""
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=LR)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(TOTAL):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return lrs


def keras_lrs(schedule) -> list[float]:
    """0 から TOTAL - 1 ステップ目までの学習率(Keras)。"""
    return [float(schedule(step)) for step in range(TOTAL)]


# 一定のステップごとに γ 倍: StepLR と ExponentialDecay(staircase=True)
step_torch = torch_lrs(
    lambda o: lr_scheduler.StepLR(o, step_size=10, gamma=0.5)
)
step_keras = keras.optimizers.schedules.ExponentialDecay(
    LR, decay_steps=10, decay_rate=0.5, staircase=True
)
compare("step_lr", step_torch, keras_lrs(step_keras), TOL)

# コサイン減衰: eta_min(下限の値)は Keras では alpha(LR に対する割合)
cos_torch = torch_lrs(
    lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=TOTAL, eta_min=1e-5)
)
cos_keras = keras.optimizers.schedules.CosineDecay(
    LR, decay_steps=TOTAL, alpha=1e-5 / LR
)
compare("cosine", cos_torch, keras_lrs(cos_keras), TOL)
# 罠: alpha に下限の値そのもの(1e-5)を渡すと、下限が LR × 1e-5 になる
cos_naive = keras.optimizers.schedules.CosineDecay(
    LR, decay_steps=TOTAL, alpha=1e-5
)
compare("cosine_alpha_as_value", cos_torch, keras_lrs(cos_naive), TOL, True)

# ウォームアップ + コサイン減衰: LinearLR の start_factor × LR が、Keras の
# initial_learning_rate(ウォームアップの開始値)にあたる
warmup = 5
warm_torch = torch_lrs(
    lambda o: lr_scheduler.SequentialLR(
        o,
        [
            lr_scheduler.LinearLR(o, start_factor=0.01, total_iters=warmup),
            lr_scheduler.CosineAnnealingLR(o, T_max=TOTAL - warmup),
        ],
        milestones=[warmup],
    )
)
warm_keras = keras.optimizers.schedules.CosineDecay(
    initial_learning_rate=0.01 * LR,
    warmup_target=LR,
    warmup_steps=warmup,
    decay_steps=TOTAL - warmup,
)
compare("warmup_cosine", warm_torch, keras_lrs(warm_keras), TOL)
