"""BatchNorm: nn.BatchNorm1d と BatchNormalization は、学習時と推論時に
同じ出力を出すか。

- torch の momentum=m は Keras の momentum=1-m(新しい値と古い値の重みが逆)
- eps の既定値が違う(torch 1e-5、Keras 1e-3)
- 移動分散の更新に、torch は不偏分散、Keras は標本分散を使う
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

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


rng = np.random.default_rng(0)
x = rng.standard_normal((8, 4)).astype(np.float32) * 3 + 1
bn_torch = nn.BatchNorm1d(4)  # momentum=0.1, eps=1e-5
bn_keras = layers.BatchNormalization(momentum=0.9, epsilon=1e-5)
bn_keras.build((None, 4))
gamma, beta = rng.standard_normal((2, 4)).astype(np.float32)
with torch.no_grad():
    bn_torch.weight.copy_(torch.from_numpy(gamma))
    bn_torch.bias.copy_(torch.from_numpy(beta))
bn_keras.gamma.assign(gamma)
bn_keras.beta.assign(beta)
# 学習時: バッチの平均と分散で正規化し、移動平均を更新する
out_torch = bn_torch(torch.from_numpy(x)).detach().numpy()
out_keras = bn_keras(x, training=True).numpy()
running_mean = bn_torch.running_mean.numpy()
# 出力と、更新された移動平均を並べて比べる
compare(
    "batchnorm_train",
    np.append(out_torch, running_mean),
    np.append(out_keras, bn_keras.moving_mean.numpy()),
    TOL,
)
running_var = bn_torch.running_var.numpy()
moving_var = bn_keras.moving_variance.numpy()
compare("batchnorm_moving_var", running_var, moving_var, TOL, trap=True)
# 罠: 移動分散の更新に、torch は不偏分散(n-1 で割る)を、Keras は
# 標本分散(n で割る)を使う。差は 0.1 × 分散 / (n - 1) の分だけ
diff_var = running_var - moving_var
n = len(x)
compare(
    "batchnorm_moving_var_explained", diff_var, 0.1 * x.var(0) / (n - 1), TOL
)
# 推論時: 移動平均と移動分散を写せば一致する
bn_keras.moving_variance.assign(bn_torch.running_var.numpy())
bn_torch.eval()
out_torch = bn_torch(torch.from_numpy(x)).detach()
compare("batchnorm_inference", out_torch, bn_keras(x, training=False), TOL)
# 罠: Keras の既定の epsilon(1e-3)のままだと、推論の出力がずれる
bn_default = layers.BatchNormalization()
bn_default.build((None, 4))
bn_default.set_weights(bn_keras.get_weights())
out_default = bn_default(x, training=False)
compare("batchnorm_default_epsilon", out_torch, out_default, TOL, trap=True)
# 罠: torch の momentum=0.1 をそのまま Keras に渡すと、移動平均が違う
bn_naive = layers.BatchNormalization(momentum=0.1, epsilon=1e-5)
bn_naive(x, training=True)
compare(
    "batchnorm_momentum_as_is",
    running_mean,
    bn_naive.moving_mean,
    TOL,
    trap=True,
)
