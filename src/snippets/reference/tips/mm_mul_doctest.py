"""torch.mm(行列積)と torch.mul(要素ごとの積)の違い。

行列積 torch.mm(A, B): A が (m, n)、B が (n, p) のとき (m, p)。

>>> import torch
>>> A = torch.tensor([[1, 2, 3], [4, 5, 6]])  # shape: (2, 3)
>>> B = torch.tensor([[1, 4], [2, 5], [3, 6]])  # shape: (3, 2)
>>> C = torch.mm(A, B)  # A @ B と同じ
>>> C
tensor([[14, 32],
        [32, 77]])
>>> C.shape
torch.Size([2, 2])
>>> # 要素ごとの積 torch.mul(A, B): 同じ形(またはブロードキャストできる形)
>>> A = torch.tensor([[1, 2], [3, 4]])  # shape: (2, 2)
>>> B = torch.tensor([[5, 6], [7, 8]])  # shape: (2, 2)
>>> torch.mul(A, B)  # A * B と同じ
tensor([[ 5, 12],
        [21, 32]])
>>> torch.mm(A, B)  # 同じ 2×2 でも行列積は別の結果
tensor([[19, 22],
        [43, 50]])
"""
