"""TensorFlow でテンソルを作る(PyTorch 版と同じ内容)。

TensorFlow のテンソル(``tf.Tensor``)は変更できない。学習する変数には
``tf.Variable`` を使う。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np
import tensorflow as tf

x = tf.constant([[1.0, 2.0], [3.0, 4.0]])  # リストから
print(f"リストから: {x.dtype.name}, shape={tuple(x.shape)}")

zeros = tf.zeros((2, 3))  # 0 で埋める
ones = tf.ones((2, 3), dtype=tf.int32)  # dtype を指定
print(f"zeros: {zeros.dtype.name}, ones: {ones.dtype.name}")

arr = np.arange(6, dtype=np.float32).reshape(2, 3)
from_np = tf.convert_to_tensor(arr)  # NumPy から(コピー)
print(f"NumPy から: {from_np.dtype.name}")

tf.random.set_seed(0)
r = tf.random.normal((2, 3))  # 標準正規分布
print(f"乱数: shape={tuple(r.shape)}")

print(f"NumPy へ: {type(x.numpy()).__name__}")
