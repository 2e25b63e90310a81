"""保存と読み込み: 同じ重みの 2 つのモデルを、それぞれの方法で保存して
読み込み直しても、同じ出力を出すか。

- 重みだけ: torch の state_dict と、Keras の save_weights(.weights.h5)
- モデル全体: Keras の .keras(torch では勧めない)
- 推論用の書き出し: torch.export と、Keras の export(SavedModel)
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tempfile

import keras
import numpy as np
import tensorflow as tf
import torch
from keras import layers
from torch import nn

TOL = 1e-5  # float32 の丸め(相対 1e-7 ほど)を見込んだ許容誤差
tf.get_logger().setLevel("ERROR")  # export() の INFO ログを抑える


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


def make_torch() -> nn.Module:
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))


def make_keras() -> keras.Model:
    return keras.Sequential(
        [
            keras.Input((4,)),
            layers.Dense(8, activation="relu"),
            layers.Dense(3),
        ]
    )


torch.manual_seed(0)
x = np.random.default_rng(0).standard_normal((5, 4)).astype(np.float32)
model_torch, model_keras = make_torch(), make_keras()
for lin, den in zip(model_torch[::2], model_keras.layers, strict=True):
    den.set_weights([lin.weight.detach().numpy().T, lin.bias.detach().numpy()])
with torch.no_grad():
    before_torch = model_torch(torch.from_numpy(x)).numpy()
before_keras = model_keras.predict(x, verbose=0)

with tempfile.TemporaryDirectory() as tmp:
    # 重みだけ: state_dict と save_weights
    torch.save(model_torch.state_dict(), os.path.join(tmp, "w.pt"))
    loaded_torch = make_torch()
    loaded_torch.load_state_dict(torch.load(os.path.join(tmp, "w.pt")))
    model_keras.save_weights(os.path.join(tmp, "w.weights.h5"))
    loaded_keras = make_keras()
    loaded_keras.load_weights(os.path.join(tmp, "w.weights.h5"))
    with torch.no_grad():
        after_torch = loaded_torch(torch.from_numpy(x)).numpy()
    after_keras = loaded_keras.predict(x, verbose=0)
    compare("roundtrip_torch", before_torch, after_torch, 0)
    compare("roundtrip_keras", before_keras, after_keras, 0)
    compare("save_weights", after_torch, after_keras, TOL)

    # モデル全体: .keras はクラスの定義なしに読める
    model_keras.save(os.path.join(tmp, "model.keras"))
    whole = keras.models.load_model(os.path.join(tmp, "model.keras"))
    compare("save_model", after_torch, whole.predict(x, verbose=0), TOL)

    # 推論用の書き出し: torch.export と Keras の export
    program = torch.export.export(loaded_torch, (torch.from_numpy(x),))
    torch.export.save(program, os.path.join(tmp, "model.pt2"))
    exported_torch = torch.export.load(os.path.join(tmp, "model.pt2"))
    out_torch = exported_torch.module()(torch.from_numpy(x)).detach()
    model_keras.export(os.path.join(tmp, "saved"), verbose=False)
    exported_keras = tf.saved_model.load(os.path.join(tmp, "saved"))
    compare("export", out_torch, exported_keras.serve(x), TOL)
