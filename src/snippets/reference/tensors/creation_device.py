"""作成時に dtype と device を指定する(GPU がなければ CPU で動く)。

``device="cuda:2"`` のような番号の決め打ちは、その数の GPU がない環境で
エラーになる。使えるデバイスを最初に 1 回だけ決め、それを渡す。
"""

import numpy as np
import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"device: {device}")

rng = np.random.default_rng(0)
a = rng.standard_normal((2, 3))
t = torch.tensor(a, dtype=torch.float32, device=device)
print(f"NumPy から: dtype={t.dtype}, device={t.device}")

torch.manual_seed(0)
r = torch.randn(2, 3, dtype=torch.float64, device=device)
i = torch.randint(0, 10, (2, 3), dtype=torch.int8, device=device)
print(f"randn:   dtype={r.dtype}, device={r.device}")
print(f"randint: dtype={i.dtype}, device={i.device}")
