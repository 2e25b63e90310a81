"""逆伝播に必要な中間結果の in-place 演算は、backward() でエラーになる。

``sigmoid`` は逆伝播のために自分の出力を保存している。その出力を
``mul_`` で書き換えても、その行では何も起きない。``backward()`` を
呼んだときに、保存した値が書き換えられていることが分かり、
``RuntimeError`` になる。
"""

# expect-error: RuntimeError

import torch

x = torch.ones(3, requires_grad=True)
y = torch.sigmoid(x)  # 逆伝播のために出力 y を保存する
y.mul_(2)  # この行ではエラーにならない
reached_backward = True
print("y.mul_(2) は通りました。backward() を呼びます")
y.sum().backward()  # ここで RuntimeError になる
