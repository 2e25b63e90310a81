"""損失関数: 同じロジットとラベルで、torch と Keras は同じ損失を出すか。

torch の損失はロジット(softmax の前)を受け取る。Keras では
``from_logits=True`` を付けないと、確率が渡されたものとして計算する。
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

TOL = 1e-6  # 損失は 1 つの数。float32 の丸めを見込んだ許容誤差


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


rng = np.random.default_rng(0)
logits = rng.standard_normal((6, 4)).astype(np.float32) * 2
labels = rng.integers(0, 4, size=6)
t_logits, t_labels = torch.from_numpy(logits), torch.from_numpy(labels)

# 多クラス分類: CrossEntropyLoss と SparseCategoricalCrossentropy
ce_torch = nn.CrossEntropyLoss()(t_logits, t_labels)
ce_keras = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
compare("cross_entropy", ce_torch, ce_keras(labels, logits), TOL)
# 罠: from_logits を忘れると、ロジットを確率として扱ってしまう
ce_naive = keras.losses.SparseCategoricalCrossentropy()
compare(
    "cross_entropy_no_from_logits",
    ce_torch,
    ce_naive(labels, logits),
    TOL,
    True,
)
# one-hot のラベルなら CategoricalCrossentropy(torch は同じ損失に確率を渡せる)
one_hot = np.eye(4, dtype=np.float32)[labels]
ce_prob = nn.CrossEntropyLoss()(t_logits, torch.from_numpy(one_hot))
cce = keras.losses.CategoricalCrossentropy(from_logits=True)
compare("categorical_cross_entropy", ce_prob, cce(one_hot, logits), TOL)

# 回帰: MSELoss と MeanSquaredError
pred, target = rng.standard_normal((2, 6, 3)).astype(np.float32)
mse_torch = nn.MSELoss()(torch.from_numpy(pred), torch.from_numpy(target))
mse_keras = keras.losses.MeanSquaredError()(target, pred)
compare("mse", mse_torch, mse_keras, TOL)

# 2 値分類: ロジットなら BCEWithLogitsLoss、確率なら BCELoss
z = logits[:, :1]
y = (labels[:, None] % 2).astype(np.float32)
bce_torch = nn.BCEWithLogitsLoss()(torch.from_numpy(z), torch.from_numpy(y))
bce_keras = keras.losses.BinaryCrossentropy(from_logits=True)(y, z)
compare("bce_logits", bce_torch, bce_keras, TOL)
p = torch.sigmoid(torch.from_numpy(z))
bce_torch = nn.BCELoss()(p, torch.from_numpy(y))
bce_keras = keras.losses.BinaryCrossentropy()(y, p.numpy())
compare("bce", bce_torch, bce_keras, TOL)
