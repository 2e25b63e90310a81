"""自動混合精度(AMP): torch.autocast で一部の演算を bfloat16 にする(CPU)。

``torch.autocast(device_type, dtype=...)`` の中では、行列積のように低精度で
速くなる演算が自動で低精度になり、損失などは float32 のまま計算される。
bfloat16 は float32 と同じ指数部を持つので、勾配のスケーリング
(GradScaler)は不要。古い ``torch.cuda.amp.autocast`` は非推奨。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits

torch.manual_seed(0)

digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16.0
y = torch.tensor(digits.target)

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(5):
    for idx in torch.randperm(len(X)).split(64):
        optimizer.zero_grad()
        with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
            logits = model(X[idx])  # Linear は bfloat16 で計算される
            loss = criterion(logits, y[idx])  # 損失は float32 で計算される
        loss.backward()  # backward は autocast の外で呼ぶ
        optimizer.step()
    print(f"Epoch {epoch + 1}: loss {loss.item():.4f}")

print(f"\nautocast 内の出力の型: {logits.dtype}")
print(f"損失の型: {loss.dtype}")
print(f"パラメータの型(float32 のまま): {model[0].weight.dtype}")
with torch.no_grad():
    acc = (model(X).argmax(1) == y).float().mean().item()
print(f"学習データでの正解率: {acc:.3f}")
