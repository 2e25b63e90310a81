"""推論でメモリを節約する基本: no_grad と、不要になったテンソルの解放。

``torch.no_grad()``(または ``torch.inference_mode()``)の中では計算グラフを
作らないので、逆伝播のための中間結果を保持しない。GPU では ``del`` で参照を
消したあと ``torch.cuda.empty_cache()`` でキャッシュをドライバに返せる
(PyTorch のキャッシュアロケータが再利用する分は、返さなくても問題ない)。
"""

import torch
import torch.nn as nn

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"使用デバイス: {device}")

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
model = model.to(device)
x = torch.randn(32, 64, device=device)  # 最初から目的のデバイスに作る

out_train = model(x)
with torch.no_grad():  # 推論では勾配を記録しない
    out_infer = model(x)
print(f"通常の順伝播: requires_grad={out_train.requires_grad}")
print(f"no_grad の中: requires_grad={out_infer.requires_grad}")

big = torch.randn(1000, 1000, device=device)
del big  # 参照を消すと、メモリは再利用できるようになる
if device.type == "cuda":
    torch.cuda.empty_cache()  # キャッシュを返す(CUDA のときだけ意味がある)
    print(f"確保中: {torch.cuda.memory_allocated() / 2**20:.1f} MiB")
