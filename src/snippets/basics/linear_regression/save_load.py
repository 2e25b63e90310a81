"""学習したモデルを保存して読み込む: state_dict の往復と、モデル全体の保存。

おすすめは ``state_dict``(パラメータ名 → テンソルの辞書)だけを保存し、
読み込む側でモデルのクラスから作り直して ``load_state_dict`` する方法。
``torch.load`` は PyTorch 2.6 から ``weights_only=True`` が既定になり、
テンソルや辞書などの安全な型しか復元しない。``torch.save(model, ...)`` で
保存したモデル全体(任意のクラスの pickle)は、そのままでは読み込めない。
"""

import pickle
import tempfile
from pathlib import Path

import torch
import torch.nn as nn


class LinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x)


torch.manual_seed(0)
model = LinearRegressionModel()
x_test = torch.tensor([[0.0], [1.0], [2.0]])

with tempfile.TemporaryDirectory() as tmp:
    # 1) state_dict だけを保存し、新しいモデルに読み込む(推奨)
    weights_path = Path(tmp) / "model_weights.pth"
    torch.save(model.state_dict(), weights_path)
    restored = LinearRegressionModel()  # クラスから作り直す
    restored.load_state_dict(torch.load(weights_path))  # weights_only=True
    restored.eval()
    with torch.no_grad():
        same = torch.equal(model(x_test), restored(x_test))
    print(f"state_dict の往復で予測が一致: {same}")
    print(f"保存したキー: {list(torch.load(weights_path).keys())}")

    # 2) モデル全体を保存すると、既定の torch.load では読み込めない
    full_path = Path(tmp) / "model_full.pth"
    torch.save(model, full_path)
    try:
        torch.load(full_path)
    except pickle.UnpicklingError as err:
        lines = str(err).splitlines()
        reason = next(line for line in lines if "Unsupported global" in line)
        print(f"\nモデル全体の読み込み: {type(err).__name__}")
        print(f"  {reason.strip()}")

    # 信頼できる(自分で保存した)ファイルに限り、weights_only=False で読める。
    # 任意のコードを実行できる pickle なので、他人のファイルには使わない。
    full = torch.load(full_path, weights_only=False)
    print(f"weights_only=False で読み込んだ型: {type(full).__name__}")
