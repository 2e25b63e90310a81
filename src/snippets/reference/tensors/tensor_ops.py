"""テンソルの基本演算を一通り実行する(表の各行に対応)。"""

import torch

A = torch.tensor([[1.0, -2.0], [-3.0, 4.0]])
B = torch.tensor([[0.5, 1.0], [2.0, -1.0]])
v = torch.tensor([1.0, 2.0])

print(f"torch.abs(A)           = {torch.abs(A).tolist()}")
print(f"torch.add(A, B)        = {torch.add(A, B).tolist()}")
print(f"torch.add(A, 1)        = {torch.add(A, 1).tolist()}")
print(f"torch.clamp(A, -1, 1)  = {torch.clamp(A, min=-1, max=1).tolist()}")
print(f"torch.div(A, B)        = {torch.div(A, B).tolist()}")
print(f"torch.mul(A, 2)        = {torch.mul(A, 2).tolist()}")
print(f"torch.pow(A, 2)        = {torch.pow(A, 2).tolist()}")
print(f"torch.mm(A, B.T)       = {torch.mm(A, B.T).tolist()}")
print(f"torch.mv(A, v)         = {torch.mv(A, v).tolist()}")
print(f"A.sum().item()         = {A.sum().item()}")
print(f"A.numpy()              = {A.numpy().tolist()}")
print(f"A.size(), A.shape      = {A.size()}, {A.shape}")
print(f"A.dtype                = {A.dtype}")
print(f"A.view(4)              = {A.view(4).tolist()}")
print(f"A.reshape(1, 4)        = {A.reshape(1, 4).tolist()}")
print(f"A.transpose(0, 1)      = {A.transpose(0, 1).tolist()}")
print(f"A[1:]                  = {A[1:].tolist()}")

C = A.clone()
C[-1, -1] = 100  # インデックスを指定して代入(C 自身が変わる)
print(f"C[-1, -1] = 100 のあと = {C.tolist()}")
C.zero_()  # すべて 0 に(in-place)
print(f"C.zero_() のあと       = {C.tolist()}")

print(
    f"torch.stack((A, B), dim=-1).shape = {torch.stack((A, B), dim=-1).shape}"
)
print(f"torch.diag(A)          = {torch.diag(A).tolist()}")
print(f"torch.diag_embed(v)    = {torch.diag_embed(v).tolist()}")
print(f"torch.unsqueeze(v, 0).shape = {torch.unsqueeze(v, 0).shape}")
print(f"torch.unsqueeze(v, 1).shape = {torch.unsqueeze(v, 1).shape}")
print(
    f"torch.squeeze(v.view(1, 2, 1)).shape = {v.view(1, 2, 1).squeeze().shape}"
)
