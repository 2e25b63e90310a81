"""TensorFlow で勾配を求める(tf.GradientTape)。

y = x^2 + 3x + 1 の x = 2 での微分は 2x + 3 = 7。TensorFlow では
``GradientTape`` の中の演算だけが記録され、``tape.gradient`` で勾配を得る。
"""

import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tensorflow as tf

x = tf.Variable(2.0)
with tf.GradientTape() as tape:  # この中の演算を記録する
    y = x**2 + 3 * x + 1
grad = tape.gradient(y, x)
print(f"dy/dx = {grad.numpy()}")
