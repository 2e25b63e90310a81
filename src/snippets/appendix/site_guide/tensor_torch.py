# PyTorch: 2×3 のテンソルを作り、行ごとの和を求める
import torch

t = torch.arange(6, dtype=torch.float32).reshape(2, 3)
row_sum = t.sum(dim=1)
print(t)
print("行ごとの和:", row_sum)
