"""問題4 解答例(Keras): 784 → 256 → 128 → 10、Dropout 0.3。"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras
from keras import layers

keras.utils.set_random_seed(0)

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(128, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(10),
    ]
)
output = model(keras.random.normal((32, 784), seed=0))
n_params = model.count_params()
print(f"出力の形: {tuple(output.shape)}")
print(f"パラメータ数: {n_params:,}")
