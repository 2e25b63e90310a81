"""勾配を追跡する葉テンソルの in-place 演算は、その行でエラーになる。

``requires_grad=True`` の葉テンソル(モデルのパラメータなど)を ``add_`` の
ような in-place 演算で書き換えると、``backward()`` を待たず、書き換えた
その行で ``RuntimeError`` になる。
"""

# expect-error: RuntimeError

import torch

w = torch.ones(3, requires_grad=True)  # 葉テンソル(パラメータと同じ)
reached_backward = False
print("w.add_(1) を呼びます")
w.add_(1)  # ここで RuntimeError になる
reached_backward = True  # ここには来ない
(w * 2).sum().backward()
