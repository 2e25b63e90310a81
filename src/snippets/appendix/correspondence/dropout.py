"""Dropout と学習・推論モード: model.eval() と training=False は同じか。

torch のモデルは作った直後から学習モードで、Dropout が効いている。
推論の前に ``model.eval()`` を呼ぶ(Keras では ``training=False``)。
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
from keras import layers
from torch import nn

TOL = 1e-5  # float32 の丸め(相対 1e-7 ほど)を見込んだ許容誤差


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


torch.manual_seed(0)
keras.utils.set_random_seed(0)  # Keras の Dropout の乱数を固定する
rng = np.random.default_rng(0)
x = rng.standard_normal((4, 6)).astype(np.float32)
model_torch = nn.Sequential(nn.Linear(6, 6), nn.Dropout(0.5))
model_keras = keras.Sequential(
    [keras.Input((6,)), layers.Dense(6), layers.Dropout(0.5)]
)
weight = model_torch[0].weight.detach().numpy()
model_keras.layers[0].set_weights(
    [weight.T, model_torch[0].bias.detach().numpy()]
)
# 罠: torch のモデルは作ったときから学習モード(Dropout が効いている)
out_train = model_torch(torch.from_numpy(x)).detach()
compare(
    "forgot_eval", out_train, model_keras(x, training=False), TOL, trap=True
)
model_torch.eval()  # 推論モード: Keras の training=False にあたる
out_torch = model_torch(torch.from_numpy(x)).detach()
compare("eval_mode", out_torch, model_keras(x, training=False), TOL)
# 学習時の Dropout: 残した値を 1/(1-p) 倍するのも同じ(どこを消すかは乱数)
h = np.abs(x) + 1
kept_torch = nn.Dropout(0.5)(torch.from_numpy(h)).numpy() / h
kept_keras = layers.Dropout(0.5)(h, training=True).numpy() / h
compare("dropout", kept_torch.max(), kept_keras.max(), TOL)
