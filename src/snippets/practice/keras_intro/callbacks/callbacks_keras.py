"""Keras のコールバック: 早期終了、最良モデルの保存、学習率の自動調整。

``fit(callbacks=[...])`` に渡すと、各エポックの終わりに呼ばれる。
Keras 3 の ``ModelCheckpoint`` はファイル名を ``.keras``(モデル全体)か
``.weights.h5``(``save_weights_only=True`` のとき)で終える。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tempfile

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
    metrics=["accuracy"],
)

with tempfile.TemporaryDirectory() as tmp:
    ckpt_path = os.path.join(tmp, "best_model.keras")
    callbacks = [
        # 検証損失が 5 エポック改善しなければ止め、最良の重みに戻す
        keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=5, restore_best_weights=True
        ),
        # 検証損失が最良を更新したときだけ保存する
        keras.callbacks.ModelCheckpoint(
            filepath=ckpt_path, monitor="val_loss", save_best_only=True
        ),
        # 検証損失が 2 エポック改善しなければ学習率を半分にする
        keras.callbacks.ReduceLROnPlateau(
            monitor="val_loss", factor=0.5, patience=2, min_lr=1e-5
        ),
    ]
    history = model.fit(
        X_train,
        y_train,
        batch_size=64,
        epochs=100,
        validation_data=(X_val, y_val),
        callbacks=callbacks,
        verbose=0,
    )
    best_model = keras.models.load_model(ckpt_path)
    ckpt_val_loss = best_model.evaluate(X_val, y_val, verbose=0)[0]

val_losses = history.history["val_loss"]
best_epoch = val_losses.index(min(val_losses)) + 1
print(f"学習したエポック数: {len(val_losses)}(上限 100)")
print(f"最良のエポック: {best_epoch}(検証損失 {min(val_losses):.4f})")
lrs = history.history["learning_rate"]
print(f"学習率: 最初 {lrs[0]:.4g} → 最後 {lrs[-1]:.4g}")
restored_val_loss = model.evaluate(X_val, y_val, verbose=0)[0]
print(f"復元後のモデルの検証損失: {restored_val_loss:.4f}")
print(f"保存したチェックポイントの検証損失: {ckpt_val_loss:.4f}")
