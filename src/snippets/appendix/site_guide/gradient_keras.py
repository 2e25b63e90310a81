# TensorFlow: y = x² の x = 3 での勾配(dy/dx = 2x = 6)
import tensorflow as tf

x = tf.Variable(3.0)
with tf.GradientTape() as tape:  # テープの中の演算を記録する
    y = x**2
grad = tape.gradient(y, x)
print("dy/dx =", float(grad))
