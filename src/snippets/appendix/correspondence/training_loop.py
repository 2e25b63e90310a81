"""学習ループ: torch で書いたループと Keras の fit は、同じ重み・同じ
ミニバッチの順なら、同じ重みにたどり着くか。

Keras の fit は既定でデータを混ぜる(shuffle=True)ので、比べるときは
shuffle=False にして、torch でも先頭から順にミニバッチを取る。
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

TOL = 1e-5  # 重みは 1 程度。12 ステップ分の float32 の丸めを見込む


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


rng = np.random.default_rng(0)
x = rng.standard_normal((64, 4)).astype(np.float32)
y = (x[:, 0] + x[:, 1] > 0).astype(np.int64) + (x[:, 2] > 1)

torch.manual_seed(0)
keras.utils.set_random_seed(0)  # shuffle=True の順を固定する
model_torch = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
model_keras = keras.Sequential(
    [keras.Input((4,)), layers.Dense(8, activation="relu"), layers.Dense(3)]
)
for lin, den in zip(model_torch[::2], model_keras.layers, strict=True):
    den.set_weights([lin.weight.detach().numpy().T, lin.bias.detach().numpy()])
initial = model_keras.get_weights()  # 学習前の重み(Keras の形)

# PyTorch: zero_grad → backward → step を自分で書く
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model_torch.parameters(), lr=0.1, momentum=0.9)
for _epoch in range(3):
    for start in range(0, len(x), 16):
        xb = torch.from_numpy(x[start : start + 16])
        yb = torch.from_numpy(y[start : start + 16])
        optimizer.zero_grad()
        criterion(model_torch(xb), yb).backward()
        optimizer.step()


def fit_keras(shuffle: bool) -> np.ndarray:
    """Keras: compile → fit。学習後の重みを 1 列に並べて返す。"""
    model_keras.set_weights(initial)
    model_keras.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    model_keras.fit(x, y, batch_size=16, epochs=3, shuffle=shuffle, verbose=0)
    return np.concatenate([w.ravel() for w in model_keras.get_weights()])


weights_torch = np.concatenate(
    [w.detach().numpy().T.ravel() for w in model_torch.parameters()]
)
# 同じ順にミニバッチを取るため shuffle=False にする
compare("training_loop", weights_torch, fit_keras(shuffle=False), TOL)
# 罠: fit の既定は shuffle=True(エポックごとに順が変わる)
compare("fit_shuffles", weights_torch, fit_keras(shuffle=True), TOL, True)
