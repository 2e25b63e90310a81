"""torch.stack は新しい次元を作って結合する。

>>> import torch
>>> A = torch.tensor([[1, 2], [3, 4]])  # (2, 2)
>>> B = torch.tensor([[5, 6], [7, 8]])  # (2, 2)
>>> C = torch.stack((A, B), dim=0)  # 先頭に新しい次元(バッチ次元)
>>> C.shape
torch.Size([2, 2, 2])
>>> C
tensor([[[1, 2],
         [3, 4]],
<BLANKLINE>
        [[5, 6],
         [7, 8]]])
>>> D = torch.stack((A, B), dim=1)  # 各行のあとに新しい次元
>>> D.shape
torch.Size([2, 2, 2])
>>> D
tensor([[[1, 2],
         [5, 6]],
<BLANKLINE>
        [[3, 4],
         [7, 8]]])
>>> torch.cat((A, B), dim=0).shape  # cat は既存の次元に沿って連結
torch.Size([4, 2])
>>> torch.cat((A, B), dim=1).shape
torch.Size([2, 4])
"""
