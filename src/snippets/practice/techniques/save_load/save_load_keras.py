"""Keras 3 のモデル保存と読み込み: .keras、.weights.h5、export()。

- ``model.save("model.keras")``: 構造・重み・コンパイル設定をまとめた
  ネイティブ形式(推奨)。``keras.models.load_model`` で読み込む。
- ``model.save_weights("model.weights.h5")``: 重みだけ。名前は
  ``.weights.h5`` で終える必要がある。
- ``model.export("dir")``: TF Serving などで推論に使う SavedModel を書き出す。
  Keras 3 の ``load_model`` では読めない(推論専用)。
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
from keras import layers
from sklearn.datasets import load_digits

keras.utils.set_random_seed(0)
# export() が出す TensorFlow の INFO ログ(Assets written to …)を抑える
tf.get_logger().setLevel("ERROR")


def make_model(compile: bool = True) -> keras.Model:
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            layers.Dense(128, activation="relu"),
            layers.Dense(10),
        ]
    )
    if compile:
        model.compile(
            optimizer="adam",
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        )
    return model


digits = load_digits()
X, y = digits.data / 16.0, digits.target
model = make_model()
# 少し学習しておく(オプティマイザにも状態ができる)
model.fit(X, y, epochs=2, batch_size=64, verbose=0)
x = X[:8].astype("float32")
expected = model.predict(x, verbose=0)

with tempfile.TemporaryDirectory() as tmp:
    # 1. モデル全体を .keras 形式で保存(推奨)
    keras_path = os.path.join(tmp, "model.keras")
    model.save(keras_path)
    loaded = keras.models.load_model(keras_path)
    same = np.allclose(loaded.predict(x, verbose=0), expected)
    print(f".keras から読み込んだモデルの出力は同じか: {same}")

    # 2. 重みだけを保存し、同じ構造のモデルに読み込む
    weights_path = os.path.join(tmp, "model.weights.h5")
    model.save_weights(weights_path)
    fresh = make_model(compile=False)  # 推論だけなら compile は不要
    fresh.load_weights(weights_path)
    same = np.allclose(fresh.predict(x, verbose=0), expected)
    print(f".weights.h5 から読み込んだモデルの出力は同じか: {same}")

    # 3. 推論用の SavedModel を書き出す(TF Serving などで使う)
    export_dir = os.path.join(tmp, "exported")
    model.export(export_dir, verbose=False)
    exported = sorted(os.listdir(export_dir))
    print(f"export() が書き出したもの: {exported}")
