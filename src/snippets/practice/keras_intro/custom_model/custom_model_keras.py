"""keras.Model を継承したカスタムモデル(PyTorch の nn.Module に相当)。

``__init__`` で層を作り、``call`` に順伝播を書く。``training`` 引数で
Dropout のような学習時だけの振る舞いを切り替える(``fit`` は
``training=True``、``predict`` や ``evaluate`` は ``False`` で呼ぶ)。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)


class CustomModel(keras.Model):
    def __init__(self, num_classes: int = 10, **kwargs):
        super().__init__(**kwargs)
        self.dense1 = layers.Dense(128, activation="relu")
        self.dropout = layers.Dropout(0.2)
        self.dense2 = layers.Dense(128, activation="relu")
        self.out = layers.Dense(num_classes)

    def call(self, inputs, training=False):
        """順伝播(PyTorch の forward に相当)。"""
        x = self.dense1(inputs)
        x = self.dropout(x, training=training)  # 学習時だけ効く
        x = self.dense2(x)
        return self.out(x)


digits = load_digits()
X_train, X_val, y_train, y_val = train_test_split(
    digits.data / 16.0, digits.target, test_size=0.2, random_state=0
)

model = CustomModel(num_classes=10)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
history = model.fit(
    X_train, y_train, batch_size=32, epochs=10, validation_split=0.2, verbose=0
)
val_loss, val_acc = model.evaluate(X_val, y_val, verbose=0)
print(f"学習したエポック数: {len(history.history['loss'])}")
print(f"検証損失 {val_loss:.4f}、検証正解率 {val_acc:.3f}")

# training=True では Dropout が効くので、同じ入力でも出力が変わる
x = X_val[:4].astype("float32")
same_eval = np.allclose(model(x, training=False), model(x, training=False))
same_train = np.allclose(model(x, training=True), model(x, training=True))
print(f"training=False で 2 回呼んだ出力は同じか: {same_eval}")
print(f"training=True で 2 回呼んだ出力は同じか: {same_train}")
