"""主なネットワークの種類と、それを作る nn の層。入力と出力の形を確かめる。"""

import torch
import torch.nn as nn

torch.manual_seed(0)
examples = [
    ("フィードフォワード (nn.Linear)", nn.Linear(20, 5), torch.randn(8, 20)),
    (
        "畳み込み (nn.Conv2d)",
        nn.Conv2d(3, 16, kernel_size=3, padding=1),
        torch.randn(8, 3, 32, 32),
    ),
    (
        "リカレント (nn.RNN)",
        nn.RNN(10, 32, batch_first=True),
        torch.randn(8, 15, 10),
    ),
    (
        "LSTM (nn.LSTM)",
        nn.LSTM(10, 32, batch_first=True),
        torch.randn(8, 15, 10),
    ),
    (
        "Transformer (nn.TransformerEncoderLayer)",
        nn.TransformerEncoderLayer(d_model=32, nhead=4, batch_first=True),
        torch.randn(8, 15, 32),
    ),
]
for name, layer, x in examples:
    layer.eval()
    with torch.no_grad():
        out = layer(x)
    if isinstance(out, tuple):  # RNN と LSTM は (出力, 隠れ状態) を返す
        out = out[0]
    print(f"{name}\n    入力 {tuple(x.shape)} → 出力 {tuple(out.shape)}")
