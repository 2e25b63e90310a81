"""全結合層とモデル: nn.Linear と Dense は同じ重みなら同じ出力を出すか。

nn.Linear の重みは (出力, 入力) の形で、Dense の kernel は (入力, 出力)。
重みを写すときは転置する。
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


def to_keras(linear: nn.Linear) -> list[np.ndarray]:
    """nn.Linear の重みを Dense の形に: kernel は転置、bias はそのまま。"""
    return [linear.weight.detach().numpy().T, linear.bias.detach().numpy()]


torch.manual_seed(0)
x = np.random.default_rng(0).standard_normal((5, 4)).astype(np.float32)

# 1 層: 重みを転置して写せば一致する
linear = nn.Linear(4, 4)
dense = layers.Dense(4)
dense.build((None, 4))
dense.set_weights(to_keras(linear))
out_torch = linear(torch.from_numpy(x)).detach()
compare("linear", out_torch, dense(x), TOL)
# 罠: 転置せずに写すと(正方行列なので形は合ってしまい)値が違う
dense.set_weights([linear.weight.detach().numpy(), to_keras(linear)[1]])
compare("linear_no_transpose", out_torch, dense(x), TOL, trap=True)

# 層を積み重ねたモデル: nn.Sequential と keras.Sequential
seq_torch = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
seq_keras = keras.Sequential(
    [keras.Input((4,)), layers.Dense(8, activation="relu"), layers.Dense(3)]
)
for lin, den in zip(seq_torch[::2], seq_keras.layers, strict=True):
    den.set_weights(to_keras(lin))
out_torch = seq_torch(torch.from_numpy(x)).detach()
compare("sequential", out_torch, seq_keras(x), TOL)
n_torch = sum(p.numel() for p in seq_torch.parameters())
compare("param_count", n_torch, seq_keras.count_params(), 0)


# 独自のモデル: forward と call に同じ計算を書く
class TorchNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden, self.out = nn.Linear(4, 8), nn.Linear(8, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


class KerasNet(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden, self.out = layers.Dense(8), layers.Dense(3)

    def call(self, x):
        return self.out(keras.ops.tanh(self.hidden(x)))


net_torch, net_keras = TorchNet(), KerasNet()
net_keras(x)  # 1 回呼んで重みを作る
net_keras.hidden.set_weights(to_keras(net_torch.hidden))
net_keras.out.set_weights(to_keras(net_torch.out))
out_torch = net_torch(torch.from_numpy(x)).detach()
compare("subclass", out_torch, net_keras(x), TOL)

# 初期値は違う: torch のバイアスは一様乱数、Keras のバイアスは 0
fresh = layers.Dense(8)
fresh.build((None, 4))
bias_torch = nn.Linear(4, 8).bias.abs().max().item()
bias_keras = float(np.abs(fresh.bias.numpy()).max())
print(
    f"初期バイアスの最大の絶対値: torch {bias_torch:.3f}、Keras {bias_keras}"
)
