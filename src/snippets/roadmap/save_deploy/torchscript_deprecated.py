"""TorchScript は非推奨: ``torch.jit.trace`` が出す警告を確かめる。

PyTorch 2.13 では ``torch.jit.trace`` / ``torch.jit.script`` /
``torch.jit.load`` が ``DeprecationWarning`` を出し、``torch.export`` への
移行を求める。既定の警告フィルタでは表示されないことが多いので、ここでは
記録して中身を表示する(新しいコードでは使わない)。
"""

import warnings

import torch
import torch.nn as nn

model = nn.Linear(4, 2).eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.jit.trace(model, torch.randn(1, 4))

deprecations = sorted(
    {str(w.message) for w in caught if w.category is DeprecationWarning}
)
for message in deprecations:
    print(f"DeprecationWarning: {message}")
