"""torch.export でモデルを書き出し、保存・読み込みして推論する。

``torch.export.export(model, 入力の例)`` はモデルの計算をたどって、Python の
制御に依存しない計算グラフ(``ExportedProgram``)を作る。``Dim`` で
バッチ次元を可変と宣言すれば、別のバッチサイズでも動く。
``torch.export.save`` / ``torch.export.load`` で ``.pt2`` ファイルに保存・
復元でき、ここから AOTInductor や ExecuTorch などの実行環境に進める。
TorchScript(``torch.jit.trace`` / ``torch.jit.script``)は非推奨になった。
"""

import tempfile
from pathlib import Path

import torch
import torch.nn as nn
from torch.export import Dim

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2)).eval()
example = (torch.randn(3, 4),)

batch = Dim("batch", min=1, max=1024)
exported = torch.export.export(model, example, dynamic_shapes=({0: batch},))
print(type(exported).__name__)
print(exported.graph_module.code.strip())

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "model.pt2"
    torch.export.save(exported, path)
    loaded = torch.export.load(path)

x_new = torch.randn(5, 4)  # 書き出しに使ったのと違うバッチサイズ
with torch.no_grad():
    expected = model(x_new)
actual = loaded.module()(x_new)
print(f"バッチ 5 の出力の形: {tuple(actual.shape)}")
print(f"元のモデルと一致: {torch.allclose(actual, expected)}")
