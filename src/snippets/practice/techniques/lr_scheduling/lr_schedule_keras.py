"""Keras: ウォームアップ付きコサイン減衰で学習する。

Keras では学習率のスケジュールをオプティマイザの ``learning_rate`` に
渡す。``CosineDecay`` は ``warmup_steps`` と ``warmup_target`` で
ウォームアップもできる。スケジュールはステップ(バッチ)単位で進む。
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

epochs, batch_size = 10, 32
steps_per_epoch = -(-len(X_train) // batch_size)  # 切り上げ
warmup_steps = steps_per_epoch  # 最初の 1 エポックでウォームアップ
schedule = keras.optimizers.schedules.CosineDecay(
    initial_learning_rate=3e-5,  # ウォームアップの開始値
    warmup_target=3e-3,  # ウォームアップ後の最大値
    warmup_steps=warmup_steps,
    decay_steps=epochs * steps_per_epoch - warmup_steps,
)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(128, activation="relu"),
        layers.Dense(10),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=schedule),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
history = model.fit(
    X_train,
    y_train,
    batch_size=batch_size,
    epochs=epochs,
    validation_data=(X_val, y_val),
    verbose=0,
)
for epoch, acc in enumerate(history.history["val_accuracy"]):
    lr = float(schedule((epoch + 1) * steps_per_epoch))
    print(f"Epoch {epoch + 1:2d}: lr {lr:.6f}  val_acc {acc:.3f}")
