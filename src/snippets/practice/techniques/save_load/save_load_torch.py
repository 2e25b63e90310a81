"""PyTorch のモデル保存と読み込み: state_dict とチェックポイント。

推奨は ``state_dict``(パラメータ名 → テンソルの辞書)の保存。読み込む側で
同じクラスのモデルを作り、``load_state_dict`` で値を流し込む。学習を
再開したいときは、オプティマイザの状態やエポック数も 1 つの辞書にまとめる。
どちらも ``torch.load`` の既定(``weights_only=True``)で安全に読める。
"""

import os
import tempfile

import torch
import torch.nn as nn

torch.manual_seed(0)


def make_model() -> nn.Module:
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))


model = make_model()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(8, 64)
y = torch.randint(0, 10, (8,))
loss = nn.functional.cross_entropy(model(x), y)
loss.backward()
optimizer.step()  # オプティマイザに状態(モーメント)ができる

with tempfile.TemporaryDirectory() as tmp:
    # 1. 重み(state_dict)だけを保存して読み込む(推論用)
    weights_path = os.path.join(tmp, "model_weights.pt")
    torch.save(model.state_dict(), weights_path)
    restored = make_model()
    restored.load_state_dict(torch.load(weights_path))
    restored.eval()  # 推論の前に評価モードにする
    model.eval()
    with torch.no_grad():
        same = torch.equal(model(x), restored(x))
    print(f"state_dict から復元したモデルの出力は同じか: {same}")

    # 2. 学習再開用のチェックポイント(辞書にまとめる)
    ckpt_path = os.path.join(tmp, "checkpoint.pt")
    torch.save(
        {
            "epoch": 10,
            "model_state_dict": model.state_dict(),
            "optimizer_state_dict": optimizer.state_dict(),
            "loss": loss.item(),
        },
        ckpt_path,
    )
    ckpt = torch.load(ckpt_path)  # 既定の weights_only=True で読める
    resumed = make_model()
    resumed_opt = torch.optim.Adam(resumed.parameters(), lr=1e-3)
    resumed.load_state_dict(ckpt["model_state_dict"])
    resumed_opt.load_state_dict(ckpt["optimizer_state_dict"])
    print(f"チェックポイントのキー: {sorted(ckpt)}")
    print(f"再開するエポック: {ckpt['epoch'] + 1}")
    print(f"保存時の損失: {ckpt['loss']:.4f}")
    n_state = len(resumed_opt.state_dict()["state"])
    print(f"復元したオプティマイザの状態を持つパラメータ数: {n_state}")
