"""TensorFlow で勾配を求める(tf.GradientTape)。

y = x^2 + 3x + 1 の x = 2 での微分は 2x + 3 = 7。TensorFlow では
``GradientTape`` の中の演算だけが記録され、``tape.gradient`` で勾配を得る。
"""

import tensorflow as tf

x = tf.Variable(2.0)
with tf.GradientTape() as tape:  # この中の演算を記録する
    y = x**2 + 3 * x + 1
grad = tape.gradient(y, x)
print(f"dy/dx = {grad.numpy()}")
