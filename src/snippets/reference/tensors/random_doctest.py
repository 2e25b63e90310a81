"""乱数テンソル: randn(標準正規分布)と randint(整数の一様分布)。

``torch.manual_seed`` で乱数を固定すると、同じ値が再現できる。

>>> import torch
>>> _ = torch.manual_seed(0)
>>> torch.randn(2, 3)
tensor([[ 1.5410, -0.2934, -2.1788],
        [ 0.5684, -1.0845, -1.3986]])
>>> torch.randn(2, 3, dtype=torch.float64).dtype
torch.float64
>>> torch.randint(0, 10, (2, 3))  # 0 以上 10 未満
tensor([[4, 1, 9],
        [9, 9, 0]])
>>> torch.randint(0, 10, (2, 3)).dtype  # 既定は int64
torch.int64
>>> torch.randint(0, 10, (2, 3), dtype=torch.int8).dtype
torch.int8
"""
