"""混合精度での学習(GPU なら float16 + GradScaler、CPU なら bfloat16)。

``torch.amp.autocast`` の中では、行列積などが低精度で計算される。float16 は
値の範囲が狭く勾配が 0 に潰れやすいので、CUDA では ``torch.amp.GradScaler``
で損失を拡大してから逆伝播する。bfloat16 は範囲が float32 と同じなので
スケーラは不要(``enabled=False`` で何もしない)。
"""

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

use_cuda = torch.cuda.is_available()
device_type = "cuda" if use_cuda else "cpu"
amp_dtype = torch.float16 if use_cuda else torch.bfloat16

torch.manual_seed(0)
x = torch.randn(256, 32)
y = (x[:, 0] > 0).long()
train_loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)
model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 2))
model = model.to(device_type)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scaler = torch.amp.GradScaler(device_type, enabled=use_cuda)

for epoch in range(3):
    for data, target in train_loader:
        data, target = data.to(device_type), target.to(device_type)
        optimizer.zero_grad()
        with torch.amp.autocast(device_type=device_type, dtype=amp_dtype):
            output = model(data)  # 低精度で計算される
            loss = criterion(output, target)
        scaler.scale(loss).backward()  # 拡大した損失で逆伝播
        scaler.step(optimizer)  # 勾配を元に戻してから更新
        scaler.update()  # 拡大率を調整
    print(f"エポック {epoch}: 損失 {loss.item():.4f}")

print(f"device={device_type}, autocast の dtype={amp_dtype}")
print(f"autocast 内の出力の dtype: {output.dtype}")
print(f"GradScaler が有効か: {scaler.is_enabled()}")
