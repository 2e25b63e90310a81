# TensorFlow: 2×3 のテンソルを作り、行ごとの和を求める
import tensorflow as tf

t = tf.reshape(tf.range(6, dtype=tf.float32), (2, 3))
row_sum = tf.reduce_sum(t, axis=1)
print(t)
print("行ごとの和:", row_sum)
