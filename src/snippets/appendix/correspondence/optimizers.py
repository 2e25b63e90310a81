"""オプティマイザ: 同じ勾配から、torch と Keras は同じように重みを動かすか。

同じ重みの線形回帰を両方に作り、それぞれのフレームワークで勾配を求めて
5 ステップ進め、各ステップの重みの最大差を比べる。

- Adam の epsilon: 既定値が違う(torch 1e-8、Keras 1e-7)うえに、足す場所も
  違う(torch は補正後の √v̂ に、Keras は補正前の √v に足す)。Keras の
  epsilon は、torch では t ステップ目の eps = epsilon / √(1 - β₂ᵗ) にあたる
- AdamW の weight_decay: 既定値が違う(torch 0.01、Keras 0.004)
- SGD の weight_decay: torch は勾配に足す(L2 正則化)、Keras は重みを直接
  縮める(分離した減衰)
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras
import numpy as np
import tensorflow as tf
import torch
from torch import nn

TOL = 1e-6  # 重みは 1 程度の大きさ。float32 の丸めを見込んだ許容誤差
STEPS = 5


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


rng = np.random.default_rng(0)
x = rng.standard_normal((16, 4)).astype(np.float32)
y = x @ np.array([[1.0], [-2.0], [0.5], [3.0]], np.float32) + 0.1
w0 = (rng.standard_normal((1, 4)) * 0.1).astype(np.float32)


def train_torch(
    make_optimizer, scale: float = 1.0, keras_epsilon: float | None = None
) -> list[np.ndarray]:
    """torch で STEPS ステップ学習し、各ステップの後の重みを返す。

    keras_epsilon を渡すと、Adam の eps を Keras の epsilon に合わせて
    ステップごとに直す。
    """
    model = nn.Linear(4, 1)
    with torch.no_grad():
        model.weight.copy_(torch.from_numpy(w0))
        model.bias.zero_()
    optimizer = make_optimizer(model.parameters())
    history = []
    for t in range(1, STEPS + 1):
        if keras_epsilon is not None:
            group = optimizer.param_groups[0]
            group["eps"] = keras_epsilon / (1 - group["betas"][1] ** t) ** 0.5
        optimizer.zero_grad()
        pred = model(torch.from_numpy(x))
        loss = nn.functional.mse_loss(pred, torch.from_numpy(y)) * scale
        loss.backward()
        optimizer.step()
        history.append(model.weight.detach().numpy().copy())
    return history


def train_keras(optimizer, scale: float = 1.0) -> list[np.ndarray]:
    """Keras で STEPS ステップ学習し、各ステップの後の重みを返す。"""
    dense = keras.layers.Dense(1, bias_initializer="zeros")
    dense.build((None, 4))
    dense.kernel.assign(w0.T)  # Dense の kernel は転置した形
    history = []
    for _ in range(STEPS):
        with tf.GradientTape() as tape:
            pred = dense(x)
            loss = keras.losses.MeanSquaredError()(y, pred) * scale
        grads = tape.gradient(loss, dense.trainable_variables)
        optimizer.apply(grads, dense.trainable_variables)
        history.append(dense.kernel.numpy().T.copy())
    return history


# SGD(モーメンタムつき): 学習率が一定なら、更新の式は同じ
sgd_torch = train_torch(lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))
sgd_keras = train_keras(keras.optimizers.SGD(learning_rate=0.05, momentum=0.9))
compare("sgd_momentum", sgd_torch, sgd_keras, TOL)
# 罠: weight_decay の意味が違う(torch は L2、Keras は分離した減衰)
sgd_torch = train_torch(
    lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.1)
)
sgd_keras = train_keras(
    keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, weight_decay=0.1)
)
compare("sgd_weight_decay", sgd_torch, sgd_keras, TOL, trap=True)

# Adam: 勾配が小さく(1e-6 程度)、epsilon が効く場面で比べる
small = 1e-6  # 損失に掛けて勾配を小さくする
adam_keras = train_keras(keras.optimizers.Adam(learning_rate=0.01), small)
adam_torch = train_torch(
    lambda p: torch.optim.Adam(p, lr=0.01), small, keras_epsilon=1e-7
)
compare("adam", adam_torch, adam_keras, TOL)
# 罠: 既定値のままでは、epsilon の値も足す場所も違う
adam_torch = train_torch(lambda p: torch.optim.Adam(p, lr=0.01), small)
compare("adam_default_epsilon", adam_torch, adam_keras, TOL, trap=True)
# 罠: 値だけ 1e-8 にそろえても、足す場所が違うのでまだずれる
adam_keras = train_keras(
    keras.optimizers.Adam(learning_rate=0.01, epsilon=1e-8), small
)
compare("adam_same_epsilon_value", adam_torch, adam_keras, TOL, trap=True)

# AdamW: weight_decay をそろえ、epsilon は Adam と同じように直す
adamw_keras = train_keras(
    keras.optimizers.AdamW(learning_rate=0.01, weight_decay=0.01), small
)
adamw_torch = train_torch(
    lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.01),
    small,
    keras_epsilon=1e-7,
)
compare("adamw", adamw_torch, adamw_keras, TOL)
# 罠: weight_decay の既定値が違う(torch 0.01、Keras 0.004)
adamw_default = train_keras(keras.optimizers.AdamW(learning_rate=0.01), small)
compare("adamw_default_decay", adamw_torch, adamw_default, TOL, trap=True)
