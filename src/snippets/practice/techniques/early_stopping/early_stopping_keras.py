"""Keras の早期終了: EarlyStopping(restore_best_weights=True)。

Keras では ``EarlyStopping`` コールバックを ``fit`` に渡すだけでよい。
``restore_best_weights=True`` を忘れると、止まったときの(最良ではない)
重みのまま終わる。
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
        layers.Dense(256, activation="relu"),
        layers.Dense(10),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=3e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
early_stopping = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=5, restore_best_weights=True
)
history = model.fit(
    X_train,
    y_train,
    batch_size=64,
    epochs=100,
    validation_data=(X_val, y_val),
    callbacks=[early_stopping],
    verbose=0,
)

val_losses = history.history["val_loss"]
best_epoch = val_losses.index(min(val_losses)) + 1
restored_val_loss = model.evaluate(X_val, y_val, verbose=0)
print(f"学習したエポック数: {len(val_losses)}")
print(f"最良のエポック: {best_epoch}")
print(f"最良の検証損失:     {min(val_losses):.6f}")
print(f"停止時の検証損失:   {val_losses[-1]:.6f}")
print(f"復元後の検証損失:   {restored_val_loss:.6f}")
