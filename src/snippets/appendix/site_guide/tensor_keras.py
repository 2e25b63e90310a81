# TensorFlow: 2×3 のテンソルを作り、行ごとの和を求める
import os

# TensorFlow の起動時のログ(oneDNN や CPU 命令の案内)を出さず、oneDNN の
# 最適化を切って計算の順序(結果の最後の桁)を環境によらずそろえる。
# どちらも TensorFlow を import する前に設定する
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tensorflow as tf

t = tf.reshape(tf.range(6, dtype=tf.float32), (2, 3))
row_sum = tf.reduce_sum(t, axis=1)
print(t)
print("行ごとの和:", row_sum)
