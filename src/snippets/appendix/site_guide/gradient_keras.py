# TensorFlow: y = x² の x = 3 での勾配(dy/dx = 2x = 6)
import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tensorflow as tf

x = tf.Variable(3.0)
with tf.GradientTape() as tape:  # テープの中の演算を記録する
    y = x**2
grad = tape.gradient(y, x)
print("dy/dx =", float(grad))
