"""torch.cat は既存の次元に沿って連結し、その次元のサイズが合計になる。"""

import torch

torch.manual_seed(0)
A = torch.randn(2, 3)  # (2, 3)
B = torch.randn(2, 3)  # (2, 3)

C = torch.cat((A, B), dim=0)  # 行方向に連結
print(f"cat dim=0: {C.shape}")  # torch.Size([4, 3])

D = torch.cat((A, B), dim=1)  # 列方向に連結
print(f"cat dim=1: {D.shape}")  # torch.Size([2, 6])

# cat は連結する次元以外のサイズが合っていればよい
E = torch.cat((A, torch.randn(5, 3)), dim=0)
print(f"(2, 3) と (5, 3) を dim=0 で連結: {E.shape}")
