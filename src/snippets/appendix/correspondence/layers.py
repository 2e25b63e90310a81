"""畳み込み・BatchNorm・Dropout: 同じ重みと入力で同じ出力になるか。

- 畳み込み: torch は (N, C, H, W)、Keras は (N, H, W, C)。カーネルも
  torch の (出力, 入力, 高さ, 幅) を Keras の (高さ, 幅, 入力, 出力) に
  並べ替える
- BatchNorm: torch の momentum=m は Keras の momentum=1-m。eps の既定値も
  違う(torch 1e-5、Keras 1e-3)
"""

import keras
import numpy as np
import torch
import torch.nn.functional as F
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

# ---- 畳み込み ----
x = rng.standard_normal((2, 3, 8, 8)).astype(np.float32)  # NCHW
conv_torch = nn.Conv2d(3, 4, kernel_size=3, padding=1)
conv_keras = layers.Conv2D(4, kernel_size=3, padding="same")
conv_keras.build((None, 8, 8, 3))
kernel = conv_torch.weight.detach().permute(2, 3, 1, 0).numpy()
conv_keras.set_weights([kernel, conv_torch.bias.detach().numpy()])
out_torch = conv_torch(torch.from_numpy(x)).detach()  # NCHW
out_keras = conv_keras(x.transpose(0, 2, 3, 1))  # NHWC で渡す
compare("conv2d", out_torch, np.transpose(out_keras, (0, 3, 1, 2)), TOL)

# 罠: stride 2 では padding=1 と "same" の詰め方が違う(Keras は下と右だけ)
strided_torch = nn.Conv2d(3, 4, kernel_size=3, stride=2, padding=1)
strided_keras = layers.Conv2D(4, 3, strides=2, padding="same")
strided_keras.build((None, 8, 8, 3))
kernel = strided_torch.weight.detach().permute(2, 3, 1, 0).numpy()
strided_keras.set_weights([kernel, strided_torch.bias.detach().numpy()])
out_keras = np.transpose(strided_keras(x.transpose(0, 2, 3, 1)), (0, 3, 1, 2))
out_torch = strided_torch(torch.from_numpy(x)).detach()
compare("conv2d_stride2_padding", out_torch, out_keras, TOL, trap=True)
# torch の側で下と右に 1 つずつ詰めれば、"same" と同じになる
padded = F.pad(torch.from_numpy(x), (0, 1, 0, 1))  # (左, 右, 上, 下)
out_torch = F.conv2d(padded, strided_torch.weight, strided_torch.bias, 2)
compare("conv2d_stride2", out_torch.detach(), out_keras, TOL)

# ---- BatchNorm ----
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

# ---- Dropout と、学習・推論モード ----
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
