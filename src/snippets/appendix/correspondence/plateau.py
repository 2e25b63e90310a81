"""学習率の自動調整: torch の ReduceLROnPlateau と Keras のコールバックは、
同じ検証損失の列に対して、同じエポックで学習率を下げるか。

- torch は「改善なし」が patience 回を超えたとき(patience + 1 回目)に、
  Keras は patience 回目に下げる。Keras の patience は torch の値 + 1 にする
- 改善とみなす幅: torch は既定で相対(best × (1 - 1e-4))、Keras は絶対
  (best - min_delta、既定 1e-4)。torch で threshold_mode="abs" にそろえる
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
from torch import nn

VAL_LOSSES = [1.0, 0.8, 0.7, 0.72, 0.71, 0.69, 0.70, 0.70, 0.68, 0.69, 0.69]
VAL_LOSSES += [0.69, 0.69, 0.69, 0.69]
LR = 0.1
TOL_LR = 1e-7  # Keras は学習率を float32 で持つ(0.1 は 0.10000000149…)


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


def keras_model() -> keras.Model:
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=LR), loss="mse")
    return model


def lrs_torch(patience: int) -> list[float]:
    """各エポックの後の学習率(torch)。"""
    optimizer = torch.optim.SGD(nn.Linear(1, 1).parameters(), lr=LR)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
        optimizer, factor=0.5, patience=patience, threshold_mode="abs"
    )
    lrs = []
    for loss in VAL_LOSSES:
        scheduler.step(loss)
        lrs.append(optimizer.param_groups[0]["lr"])
    return lrs


def lrs_keras(patience: int) -> list[float]:
    """各エポックの後の学習率(Keras)。"""
    model = keras_model()
    callback = keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=patience)
    callback.set_model(model)
    callback.on_train_begin()
    lrs = []
    for epoch, loss in enumerate(VAL_LOSSES):
        callback.on_epoch_end(epoch, {"val_loss": loss})
        lrs.append(float(model.optimizer.learning_rate))
    return lrs


# 学習率の自動調整: Keras の patience は torch の patience + 1 にする
compare("reduce_on_plateau", lrs_torch(2), lrs_keras(3), TOL_LR)
# 罠: 同じ patience では、Keras の方が 1 エポック早く下げる
print("torch(patience=2):", " ".join(f"{lr:g}" for lr in lrs_torch(2)))
print("Keras(patience=2):", " ".join(f"{lr:g}" for lr in lrs_keras(2)))
compare(
    "reduce_on_plateau_same_patience", lrs_torch(2), lrs_keras(2), TOL_LR, True
)
