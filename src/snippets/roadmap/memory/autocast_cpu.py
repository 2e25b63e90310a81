"""混合精度(CPU): ``torch.autocast`` で行列積を bfloat16 で計算する。

``torch.autocast(device_type="cpu", dtype=torch.bfloat16)`` の中では、
行列積のように低い精度でも問題の少ない演算が bfloat16 で計算され、
パラメータは float32 のまま保たれる。bfloat16 は float32 と同じ指数の幅を
持つので、float16 と違い GradScaler は不要。速さは CPU が bfloat16 命令を
持つかどうかで変わるので、ここでは型と値の差だけを確かめる。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
x = torch.randn(32, 64)
target = torch.randint(0, 10, (32,))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    logits = model(x)  # Linear は bfloat16 で計算される
    loss = nn.functional.cross_entropy(logits, target)  # 損失は float32

loss.backward()  # backward は autocast の外で呼ぶ
optimizer.step()

print(f"出力(ロジット)の dtype: {logits.dtype}")
print(f"損失の dtype: {loss.dtype}")
print(f"パラメータの dtype: {model[0].weight.dtype}")
print(f"勾配の dtype: {model[0].weight.grad.dtype}")

with torch.no_grad():
    full = model(x)
    with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
        low = model(x)
rel_err = ((low.float() - full).norm() / full.norm()).item()
print(f"float32 との相対誤差: {rel_err:.4f}")
