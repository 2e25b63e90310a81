"""Keras の Functional API: 層を関数のように呼んで、分岐のあるモデルを作る。

``keras.Input`` から始めて層を順に呼び、最後に ``keras.Model(inputs,
outputs)`` でまとめる。Sequential では書けない分岐・合流・複数の入出力を
表現できる。ここでは 2 つの経路の出力を連結する。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)

digits = load_digits()
X_train, X_val, y_train, y_val = train_test_split(
    digits.data / 16.0, digits.target, test_size=0.2, random_state=0
)

inputs = keras.Input(shape=(64,), name="pixels")
wide = layers.Dense(32, activation="relu", name="wide")(inputs)
deep = layers.Dense(128, activation="relu", name="deep_1")(inputs)
deep = layers.Dropout(0.2)(deep)
deep = layers.Dense(64, activation="relu", name="deep_2")(deep)
merged = layers.Concatenate(name="merge")([wide, deep])  # 2 つの経路を合流
outputs = layers.Dense(10, name="logits")(merged)
model = keras.Model(inputs=inputs, outputs=outputs, name="wide_and_deep")

model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.summary()

model.fit(X_train, y_train, batch_size=32, epochs=10, verbose=0)
val_loss, val_acc = model.evaluate(X_val, y_val, verbose=0)
print(f"検証損失 {val_loss:.4f}、検証正解率 {val_acc:.3f}")
