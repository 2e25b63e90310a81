"""使える GPU を調べ、デバイスを 1 か所で決める。

``torch.cuda.is_available()`` で CUDA の有無を、``torch.cuda.device_count()``
で GPU の数を確かめる。デバイスは最初に一度だけ決め、モデルとデータを
同じデバイスに置く。GPU が複数あれば ``cuda:0``, ``cuda:1`` … と番号で選ぶ。
"""

import torch
import torch.nn as nn

print(f"CUDA が使えるか: {torch.cuda.is_available()}")
print(f"GPU の数: {torch.cuda.device_count()}")

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
print(f"使うデバイス: {device}")

torch.manual_seed(0)
model = nn.Linear(8, 2).to(device)  # モデルをデバイスへ
x = torch.randn(4, 8, device=device)  # データもそのデバイスで作る
y = model(x)
print(f"出力のデバイス: {y.device}, 形: {tuple(y.shape)}")
