"""PyTorch でテンソルを作る(TensorFlow 版と同じ内容)。"""

import numpy as np
import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])  # リストから
print(f"リストから: {x.dtype}, shape={tuple(x.shape)}")

zeros = torch.zeros(2, 3)  # 0 で埋める
ones = torch.ones(2, 3, dtype=torch.int32)  # dtype を指定
print(f"zeros: {zeros.dtype}, ones: {ones.dtype}")

arr = np.arange(6, dtype=np.float32).reshape(2, 3)
from_np = torch.from_numpy(arr)  # NumPy とメモリを共有
print(f"NumPy から: {from_np.dtype}")

torch.manual_seed(0)
r = torch.randn(2, 3)  # 標準正規分布
print(f"乱数: shape={tuple(r.shape)}")

print(f"NumPy へ: {type(x.numpy()).__name__}")
