"""CUDA での混合精度学習: float16 の autocast と GradScaler。

float16 は表せる範囲が狭く、小さな勾配が 0 になる(アンダーフロー)ので、
``torch.amp.GradScaler("cuda")`` で損失を拡大してから逆伝播し、更新の前に
元に戻す。古い ``torch.cuda.amp.GradScaler()`` / ``torch.cuda.amp.autocast()``
は非推奨(FutureWarning が出る)。
"""
# requires: cuda

import sys

import torch
import torch.nn as nn
from sklearn.datasets import load_digits

if not torch.cuda.is_available():
    sys.exit("このコードの実行には CUDA の GPU が必要です。")

torch.manual_seed(0)
device = torch.device("cuda")

digits = load_digits()
X = (torch.tensor(digits.data, dtype=torch.float32) / 16.0).to(device)
y = torch.tensor(digits.target).to(device)

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
model = model.to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
scaler = torch.amp.GradScaler("cuda")

for epoch in range(5):
    for idx in torch.randperm(len(X), device=device).split(64):
        optimizer.zero_grad()
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            logits = model(X[idx])
            loss = criterion(logits, y[idx])
        scaler.scale(loss).backward()  # 拡大した損失で逆伝播
        scaler.step(optimizer)  # 勾配を元に戻し、inf/NaN がなければ更新
        scaler.update()  # 次のステップの拡大率を調整
    print(f"Epoch {epoch + 1}: loss {loss.item():.4f}")

print(f"\nautocast 内の出力の型: {logits.dtype}")
print(f"損失の拡大率: {scaler.get_scale()}")
with torch.no_grad():
    acc = (model(X).argmax(1) == y).float().mean().item()
print(f"学習データでの正解率: {acc:.3f}")
