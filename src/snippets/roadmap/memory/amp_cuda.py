"""混合精度(CUDA): float16 の autocast と GradScaler(CUDA 専用)。

float16 は表せる範囲が狭く、小さな勾配が 0 に丸められる(アンダーフロー)。
``torch.amp.GradScaler("cuda")`` は損失を大きく拡大してから ``backward()``
し、``step()`` の前に元に戻す。古い ``torch.cuda.amp.autocast`` /
``torch.cuda.amp.GradScaler`` は非推奨で、``torch.autocast("cuda")`` と
``torch.amp.GradScaler("cuda")`` を使う。
"""
# requires: cuda

import sys

import torch
import torch.nn as nn

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

torch.manual_seed(0)
device = "cuda"
model = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
model = model.to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scaler = torch.amp.GradScaler("cuda")
x = torch.randn(64, 256, device=device)
target = torch.randint(0, 10, (64,), device=device)

losses = []
for _ in range(20):
    optimizer.zero_grad()
    with torch.autocast(device_type="cuda", dtype=torch.float16):
        logits = model(x)
        loss = nn.functional.cross_entropy(logits, target)
    scaler.scale(loss).backward()  # 拡大した損失で逆伝播
    scaler.step(optimizer)  # 勾配を元に戻してから更新(inf/NaN なら飛ばす)
    scaler.update()  # 拡大率を調整
    losses.append(loss.item())

print(f"autocast 内の出力の dtype: {logits.dtype}")
print(f"損失: {losses[0]:.4f} -> {losses[-1]:.4f}")
print(f"現在の拡大率: {scaler.get_scale():.0f}")
