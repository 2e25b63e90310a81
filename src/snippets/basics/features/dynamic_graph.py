"""動的な計算グラフ: Python の if や for がそのまま計算グラフになる。

PyTorch は演算を実行しながら計算グラフを作る(Define-by-Run)。そのため、
入力の値によって分岐やループの回数が変わる関数でも、ふつうの Python として
書くだけで ``backward()`` が勾配を計算する。途中の値も ``print`` で
そのまま確かめられる。
"""

import torch


def f(x: torch.Tensor) -> torch.Tensor:
    """x の合計が正なら 2 乗を、そうでなければ 3 倍を、n 回くり返す。"""
    n = int(x.detach().abs().sum().item()) + 1  # 値によってループ回数が変わる
    y = x
    for _ in range(n):
        if y.sum() > 0:
            y = y**2
        else:
            y = 3 * y
    return y.sum()


x_pos = torch.tensor([0.5, 0.75], requires_grad=True)
out_pos = f(x_pos)
out_pos.backward()
print(f"x = {x_pos.tolist()} -> f(x) = {out_pos.item():.6f}")
print(f"  勾配 df/dx = {x_pos.grad.tolist()}")

x_neg = torch.tensor([-0.5, -0.75], requires_grad=True)
out_neg = f(x_neg)
out_neg.backward()
print(f"x = {x_neg.tolist()} -> f(x) = {out_neg.item():.6f}")
print(f"  勾配 df/dx = {x_neg.grad.tolist()}")

# 実際にたどった演算は、出力の grad_fn から逆向きにたどれる
node, ops = out_pos.grad_fn, []
while node is not None:
    ops.append(type(node).__name__)
    node = node.next_functions[0][0] if node.next_functions else None
print("x_pos の計算グラフ(出力側から):", " <- ".join(ops))
