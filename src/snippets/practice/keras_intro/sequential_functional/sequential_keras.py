"""Keras の Sequential API: 層を並べ、compile して fit で学習する。

Keras 3 では最初に ``keras.Input(shape=...)`` を置く(層に ``input_shape=`` を
渡す書き方は古く、警告が出る)。学習ループは ``fit()`` が受け持つ。
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

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(128, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(128, activation="relu"),
        layers.Dense(10),  # ロジットを出す(softmax は損失の中で計算)
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.summary()  # 表を表示する(print で包むと None も出てしまう)

history = model.fit(
    X_train,
    y_train,
    batch_size=32,
    epochs=10,
    validation_data=(X_val, y_val),
    verbose=0,  # 進捗表示は出さず、記録(history)から表示する
)
for epoch, (loss, acc) in enumerate(
    zip(
        history.history["val_loss"],
        history.history["val_accuracy"],
        strict=True,
    )
):
    print(f"Epoch {epoch + 1:2d}: val_loss {loss:.4f}  val_acc {acc:.3f}")
