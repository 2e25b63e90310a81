"""検証の正解率が伸びない: 過学習を見つけ、早期終了とデータ量で比べる。

学習データが少ないと、学習データの正解率は 100% になっても検証の正解率は
頭打ちになり、やがて検証損失が上がり始める(過学習)。検証損失が最小の
エポックを覚えておけば(早期終了)、その時点の重みを使える。根本的には
データを増やす(またはデータ拡張)、正則化(weight decay、Dropout)、
モデルを小さくする、が効く。
"""

import torch
import torch.nn as nn
from sklearn.datasets import load_digits

digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
g = torch.Generator().manual_seed(0)
perm = torch.randperm(len(X), generator=g)
val_idx, pool_idx = perm[:500], perm[500:]


def fit(n_train: int, epochs: int = 60) -> dict:
    torch.manual_seed(0)
    idx = pool_idx[:n_train]
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    best = {"val_loss": float("inf")}
    for epoch in range(1, epochs + 1):
        model.train()
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(X[idx]), y[idx])
        loss.backward()
        opt.step()
        model.eval()
        with torch.no_grad():
            pred = model(X[idx]).argmax(1)
            train_acc = (pred == y[idx]).float().mean().item()
            logits = model(X[val_idx])
            val_loss = nn.functional.cross_entropy(logits, y[val_idx]).item()
            val_acc = (logits.argmax(1) == y[val_idx]).float().mean().item()
        if val_loss < best["val_loss"]:  # 早期終了: 最良の時点を覚える
            best = {"epoch": epoch, "val_loss": val_loss, "val_acc": val_acc}
    return {
        "train_acc": train_acc,
        "val_acc": val_acc,
        "val_loss": val_loss,
        "best": best,
    }


results = {
    "学習データ 50 件": fit(50),
    "学習データ 1000 件": fit(1000),
}
for name, r in results.items():
    b = r["best"]
    print(
        f"{name}\n  最終: train_acc {r['train_acc']:.3f}, "
        f"val_acc {r['val_acc']:.3f}, val_loss {r['val_loss']:.3f}\n"
        f"  検証損失が最小: epoch {b['epoch']}, "
        f"val_acc {b['val_acc']:.3f}, val_loss {b['val_loss']:.3f}"
    )
