# y = x² とその勾配(接線の傾き)を図にする
import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  import するだけで図の日本語が描ける
import numpy as np

xs = np.linspace(-4, 4, 81)
x0 = 3.0
slope = 2 * x0  # dy/dx = 2x

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(xs, xs**2, label="y = x²")
tangent = slope * (xs - x0) + x0**2
ax.plot(xs, tangent, "--", label=f"x = {x0:g} での接線(傾き {slope:g})")
ax.scatter([x0], [x0**2], color="black", zorder=3)
ax.set_ylim(-5, 17)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("勾配は接線の傾き")
ax.legend(loc="upper center")
plt.show()
