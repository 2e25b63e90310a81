"""ONNX に書き出し、ONNX Runtime で推論して PyTorch の結果と比べる。

``torch.onnx.export(..., dynamo=True)`` は ``torch.export`` でグラフを
取り出し、ONNX 形式に変換する。ONNX は多くの実行環境が読める共通形式で、
ここでは ``onnxruntime`` で読み込んで推論する
(``pip install onnx onnxscript onnxruntime``)。
``dynamic_shapes`` でバッチ次元を可変にしておく。

torch 2.13 の ONNX エクスポータは、内部で次の 2 つを出力する。どちらも
このコードの書き方ではなく torch 側から出るもので、結果には影響しないため、
範囲を絞って抑えている。

- torchvision が入っていないときの「torchvision::nms などを登録しない」ログ
- エクスポータ内部の ``LeafSpec`` に関する FutureWarning
"""

import logging
import tempfile
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn as nn
from torch.export import Dim

logging.getLogger("torch.onnx").setLevel(logging.ERROR)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2)).eval()
example = (torch.randn(3, 4),)

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "model.onnx"
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r".*LeafSpec.*", category=FutureWarning
        )
        torch.onnx.export(
            model,
            example,
            str(path),
            dynamo=True,
            input_names=["x"],
            output_names=["y"],
            dynamic_shapes=({0: Dim("batch")},),
            verbose=False,
        )
    onnx_model = onnx.load(str(path))
    onnx.checker.check_model(onnx_model)  # 形式として正しいか
    session = ort.InferenceSession(
        str(path), providers=["CPUExecutionProvider"]
    )

print(f"ONNX の opset: {onnx_model.opset_import[0].version}")
print(f"入力: {[i.name for i in session.get_inputs()]}")
x_new = torch.randn(5, 4)
(ort_out,) = session.run(None, {"x": x_new.numpy()})
with torch.no_grad():
    torch_out = model(x_new).numpy()
max_diff = float(np.abs(ort_out - torch_out).max())
print(f"ONNX Runtime の出力の形: {ort_out.shape}")
print(f"PyTorch との差(最大): {max_diff:.2e}")
