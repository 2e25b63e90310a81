"""テンソルの作成と基本演算。

テンソルは PyTorch の基本データ構造で、NumPy の ndarray に似ているが GPU でも
計算できる。リスト・ゼロ・乱数・NumPy 配列から作り、四則演算・行列積・転置を
試す。乱数は ``torch.manual_seed`` で固定しているので、何度実行しても
同じ値になる。
"""

import numpy as np
import torch

torch.manual_seed(0)  # 乱数を固定する(出力を再現できるように)

print("=== テンソルの作成 ===")

# リストから作成
x = torch.tensor([1.0, 2.0, 3.0])
print(f"x = {x}")
print(f"x.shape = {x.shape}")

# ゼロで初期化
zeros = torch.zeros(2, 3)
print(f"\nzeros:\n{zeros}")

# 標準正規分布から乱数で初期化
randn = torch.randn(2, 3)
print(f"\nrandn:\n{randn}")

# NumPy 配列から変換(メモリを共有する)
np_array = np.array([[1, 2], [3, 4]])
torch_tensor = torch.from_numpy(np_array)
print(f"\nNumPy から変換:\n{torch_tensor}")

print("\n=== テンソル演算 ===")
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([[5.0, 6.0], [7.0, 8.0]])
print(f"a + b:\n{a + b}")
print(f"a * b(要素ごとの積):\n{a * b}")
print(f"a @ b(行列積):\n{a @ b}")
print(f"a.T(転置):\n{a.T}")
