"""コピーボタンがプロンプトと出力を除くことを見せる、対話モードの例。

>>> import torch
>>> total = 0
>>> for v in torch.tensor([1, 2, 3]):
...     total += int(v)
...
>>> total
6
"""
