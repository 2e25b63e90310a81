"""早期終了と最良モデルの保存: 同じ検証損失の列に対して、torch のループと
Keras のコールバックは、同じエポックで止まり、同じ重みを残すか。

学習の代わりに、決まった検証損失の列を 1 エポックずつ渡す。重みには
エポックの番号を書き込んでおき、どのエポックの重みが残ったかを見る。
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
import torch
from torch import nn

VAL_LOSSES = [1.0, 0.8, 0.7, 0.72, 0.71, 0.69, 0.70, 0.70, 0.68, 0.69, 0.69]
VAL_LOSSES += [0.69, 0.69, 0.69, 0.69]
LR = 0.1


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


def keras_model() -> keras.Model:
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=LR), loss="mse")
    return model


def mark(model, epoch: int) -> None:
    """このエポックの重み: すべてをエポックの番号にする。"""
    if isinstance(model, nn.Module):
        with torch.no_grad():
            for p in model.parameters():
                p.fill_(epoch)
    else:
        model.set_weights(
            [np.full(w.shape, epoch) for w in model.get_weights()]
        )


def weight_of(model) -> float:
    if isinstance(model, nn.Module):
        return model.weight.item()
    return float(model.get_weights()[0][0, 0])


def early_stopping_torch(patience: int) -> list[float]:
    """このサイトの torch の早期終了: [止めたエポック, 最良, 戻した重み]。"""
    model = nn.Linear(1, 1)
    best_loss, wait = float("inf"), 0
    for epoch, loss in enumerate(VAL_LOSSES):
        mark(model, epoch)
        if loss < best_loss:
            best_loss, best_epoch, wait = loss, epoch, 0
            best = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            wait += 1
            if wait >= patience:
                break
    model.load_state_dict(best)  # 最良の重みに戻す
    return [epoch, best_epoch, weight_of(model)]


def early_stopping_keras(patience: int, restore: bool = True) -> list[float]:
    """Keras の EarlyStopping: [止めたエポック, 最良, 戻した重み]。"""
    model = keras_model()
    callback = keras.callbacks.EarlyStopping(
        patience=patience, restore_best_weights=restore
    )
    callback.set_model(model)
    callback.on_train_begin()
    for epoch, loss in enumerate(VAL_LOSSES):
        mark(model, epoch)
        callback.on_epoch_end(epoch, {"val_loss": loss})
        if model.stop_training:
            break
    callback.on_train_end()
    return [epoch, callback.best_epoch, weight_of(model)]


# 早期終了: patience の数え方は同じ(改善なしが patience 回で止める)
print("torch [止めた, 最良, 重み]:", early_stopping_torch(3))
print("Keras [止めた, 最良, 重み]:", early_stopping_keras(3))
compare("early_stopping", early_stopping_torch(3), early_stopping_keras(3), 0)
# 罠: restore_best_weights の既定は False(止めたときの重みのまま)
no_restore = early_stopping_keras(3, restore=False)
compare(
    "early_stopping_no_restore", early_stopping_torch(3), no_restore, 0, True
)

# 最良モデルの保存: 改善したときだけ保存し、最後に読み込む
with tempfile.TemporaryDirectory() as tmp:
    model, best_loss = nn.Linear(1, 1), float("inf")
    path = os.path.join(tmp, "best.pt")
    for epoch, loss in enumerate(VAL_LOSSES):
        mark(model, epoch)
        if loss < best_loss:
            best_loss = loss
            torch.save(model.state_dict(), path)
    model.load_state_dict(torch.load(path))
    saved_torch = weight_of(model)

    model = keras_model()
    path = os.path.join(tmp, "best.weights.h5")
    callback = keras.callbacks.ModelCheckpoint(
        path, save_best_only=True, save_weights_only=True
    )
    callback.set_model(model)
    callback.on_train_begin()
    for epoch, loss in enumerate(VAL_LOSSES):
        mark(model, epoch)
        callback.on_epoch_end(epoch, {"val_loss": loss})
    model.load_weights(path)
    saved_keras = weight_of(model)
print(f"保存された重み(= エポック): torch {saved_torch}、Keras {saved_keras}")
compare("checkpoint_best", saved_torch, saved_keras, 0)
