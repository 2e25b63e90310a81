"""問題4 解答例(Keras): 784 → 256 → 128 → 10、Dropout 0.3。"""

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
