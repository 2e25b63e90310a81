"""畳み込み: nn.Conv2d と Conv2D は、同じ重みと入力で同じ出力になるか。

torch は (N, C, H, W)、Keras は (N, H, W, C) の順にデータを並べる。
カーネルも、torch の (出力, 入力, 高さ, 幅) を Keras の
(高さ, 幅, 入力, 出力) に並べ替えて写す。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

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
rng = np.random.default_rng(0)
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
