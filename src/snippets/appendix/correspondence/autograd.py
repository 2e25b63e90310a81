"""勾配: torch の backward と TensorFlow の GradientTape は同じ値を出すか。"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np
import tensorflow as tf
import torch

TOL = 1e-5  # float32 の丸め(相対 1e-7 ほど)を見込んだ許容誤差


def compare(row: str, a, b, tol: float, trap: bool = False) -> None:
    """2 つの結果の最大の絶対差を 1 行で表示する(付録の表とテストが読む)。"""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    diff = float(np.max(np.abs(a - b)))
    kind = "罠" if trap else "同等"
    print(f"[{kind}] {row}: 最大差 {diff:.2g}(許容 {tol:g})")


rng = np.random.default_rng(0)
x = rng.standard_normal((5, 3)).astype(np.float32)
w0 = rng.standard_normal((3, 2)).astype(np.float32)

# PyTorch: requires_grad=True のテンソルから計算し、backward で勾配を得る
w_torch = torch.tensor(w0, requires_grad=True)
loss = torch.tanh(torch.from_numpy(x) @ w_torch).pow(2).sum()
loss.backward()

# TensorFlow: tf.Variable をテープの中で使い、tape.gradient で勾配を得る
w_tf = tf.Variable(w0)
with tf.GradientTape() as tape:
    loss_tf = tf.reduce_sum(tf.tanh(tf.constant(x) @ w_tf) ** 2)
grad_tf = tape.gradient(loss_tf, w_tf)
compare("gradient", w_torch.grad, grad_tf, TOL)

# 値を更新する: torch は no_grad の中で書き換え、TF は assign_sub
with torch.no_grad():
    w_torch -= 0.1 * w_torch.grad
w_tf.assign_sub(0.1 * grad_tf)
compare("variable_update", w_torch.detach(), w_tf, TOL)

# 罠: torch の勾配は .grad に足し込まれる(zero_grad を忘れると 2 倍)
w_torch.grad = None  # これが zero_grad にあたる
for _ in range(2):
    torch.tanh(torch.from_numpy(x) @ w_torch).pow(2).sum().backward()
with tf.GradientTape() as tape:
    loss_tf = tf.reduce_sum(tf.tanh(tf.constant(x) @ w_tf) ** 2)
grad_tf = tape.gradient(loss_tf, w_tf)
compare("grad_accumulates", w_torch.grad, grad_tf, TOL, trap=True)
