"""NumPy に近い API と、Python の道具との自然な連携。

テンソルの作り方・スライス・ブロードキャストは NumPy とほぼ同じ書き方で、
``torch.from_numpy`` / ``.numpy()`` で相互に変換できる(CPU 上ではメモリを
共有する)。モデルもふつうの Python のクラスなので、属性やリスト内包表記で
中身を調べられる。
"""

import numpy as np
import torch
import torch.nn as nn

a_np = np.arange(6, dtype=np.float32).reshape(2, 3)
a = torch.from_numpy(a_np)  # メモリを共有する(コピーしない)
print("スライス a[:, 1:] =", a[:, 1:].tolist())
b = torch.tensor([10, 20, 30])
print("ブロードキャスト a + [10, 20, 30] =", (a + b).tolist())
print("NumPy と同じ結果か:", np.allclose((a * 2).numpy(), a_np * 2))

a_np[0, 0] = 100.0  # NumPy 側を書き換えると……
print("共有しているテンソル側の a[0, 0] =", a[0, 0].item())

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
shapes = {name: tuple(p.shape) for name, p in model.named_parameters()}
print("パラメータの形:", shapes)
