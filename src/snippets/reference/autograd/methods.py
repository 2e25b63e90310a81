"""Autograd の主なメソッド: backward・detach・retain_grad・autograd.grad。"""

import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# detach: 同じデータを持ち、追跡から切り離されたテンソル
d = x.detach()
print(f"detach: requires_grad={d.requires_grad}")
print(f"detach: データを共有 {d.data_ptr() == x.data_ptr()}")

# retain_grad: 中間(非リーフ)テンソルの勾配も残す
h = x * 2
h.retain_grad()
loss = (h**2).sum()
loss.backward()
print(f"x.grad = {x.grad}")  # d(sum(4x^2))/dx = 8x
print(f"h.grad = {h.grad}")  # d(sum(h^2))/dh = 2h

# torch.autograd.grad: .grad に入れずに勾配を返す
y = torch.tensor(2.0, requires_grad=True)
(g,) = torch.autograd.grad(y**3, y)
print(f"d(y^3)/dy at y=2: {g}")

# backward は .grad に足し込む(2 回呼ぶと 2 倍になる)
w = torch.tensor(1.0, requires_grad=True)
for _ in range(2):
    (3 * w).backward()
print(f"2 回 backward したあとの w.grad: {w.grad}")
