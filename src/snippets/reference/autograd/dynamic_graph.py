"""動的計算グラフ: Python の if や for がそのままグラフになる。

実行するたびにグラフを作り直すので、入力の値によって通る計算が変わっても
そのまま微分できる。
"""

import torch


def f(x):
    # 値によって繰り返し回数が変わる
    y = x
    n = 0
    while y.norm() < 10:
        y = y * 2
        n += 1
    return y.sum(), n


for start in [1.0, 3.0]:
    x = torch.tensor([start, start], requires_grad=True)
    out, n = f(x)
    out.backward()
    print(f"x={start}: 2 倍を {n} 回, 勾配 = {x.grad.tolist()}(= 2^{n})")
