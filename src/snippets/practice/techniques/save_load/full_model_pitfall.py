"""落とし穴: モデル全体を torch.save すると、既定の torch.load で読めない。

``torch.save(model, path)`` はモデルのオブジェクトを pickle で保存する。
PyTorch 2.6 以降の ``torch.load`` は既定で ``weights_only=True`` になり、
テンソルや基本的な型以外(任意のクラス)の復元を拒否する。pickle は読み込み
時に任意のコードを実行できるので、これは安全のための仕様。
"""

import os
import pickle
import tempfile

import torch
import torch.nn as nn


class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(x)


torch.manual_seed(0)
model = SimpleNet()

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "model_full.pt")
    torch.save(model, path)  # モデル全体を pickle で保存
    try:
        torch.load(path)  # weights_only=True(既定)
    except pickle.UnpicklingError as err:
        error = err
        # メッセージのうち、原因を示す行だけを表示する
        reason = [ln for ln in str(err).splitlines() if "Unsupported" in ln]
        print(f"{type(err).__name__}: {reason[0].strip()}")

    # 自分で作った信頼できるファイルに限り、明示的に許可すれば読める
    loaded = torch.load(path, weights_only=False)
    print(f"weights_only=False で読み込んだもの: {type(loaded).__name__}")
