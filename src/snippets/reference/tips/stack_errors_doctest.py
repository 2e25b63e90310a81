"""stack の形状の条件と、指定できる dim の範囲。

stack は入力がすべて同じ形でなければならない。

>>> import torch
>>> A = torch.rand(2, 3)
>>> B = torch.rand(2, 3)
>>> torch.stack((A, B)).shape
torch.Size([2, 2, 3])
>>> torch.stack((A, torch.rand(3, 2)))
Traceback (most recent call last):
  ...
RuntimeError: stack expects each tensor to be equal size, but got [2, 3]...
>>> # stack は新しい次元を 1 つ足すので、2 次元の入力なら dim は -3 から 2
>>> # まで指定できる。dim=2 は末尾に新しい次元を作る(エラーにはならない)
>>> torch.stack((A, B), dim=2).shape
torch.Size([2, 3, 2])
>>> torch.stack((A, B), dim=3)
Traceback (most recent call last):
  ...
IndexError: Dimension out of range (expected to be in range of [-3, 2]...
"""
