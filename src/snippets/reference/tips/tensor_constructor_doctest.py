"""torch.Tensor(2, 3, 4) と torch.Tensor([2, 3, 4]) の違い。

>>> import torch
>>> torch.Tensor(2, 3, 4).size()  # 整数を並べると「形状」の指定
torch.Size([2, 3, 4])
>>> torch.Tensor([2, 3, 4]).size()  # リストを渡すと「データ」の指定
torch.Size([3])
>>> torch.Tensor([2, 3, 4])
tensor([2., 3., 4.])
>>> torch.empty(2, 3, 4).size()  # 形状だけ決めるなら torch.empty が明確
torch.Size([2, 3, 4])
"""
