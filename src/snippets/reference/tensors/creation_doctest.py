"""NumPy 配列からテンソルを作る。

乱数は ``np.random.default_rng(0)`` で固定しているので、出力は毎回同じになる。

>>> import numpy as np
>>> import torch
>>> rng = np.random.default_rng(0)
>>> a = rng.standard_normal((2, 3))
>>> a
array([[ 0.12573022, -0.13210486,  0.64042265],
       [ 0.10490012, -0.53566937,  0.36159505]])
>>> t = torch.tensor(a, dtype=torch.float32)  # コピーして float32 に
>>> t
tensor([[ 0.1257, -0.1321,  0.6404],
        [ 0.1049, -0.5357,  0.3616]])
>>> torch.from_numpy(a).dtype  # from_numpy はメモリを共有し、dtype もそのまま
torch.float64
"""
