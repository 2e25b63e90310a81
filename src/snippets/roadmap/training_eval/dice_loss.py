"""セグメンテーションの Dice 損失: 小さな前景を見逃す予測を強く罰する。

Dice 係数は、予測した領域と正解の領域の重なり
``2|A∩B| / (|A| + |B|)`` で、Dice 損失は ``1 - Dice``。確率のまま計算する
「ソフト Dice」なら微分できるので、損失として使える。PyTorch 本体には
ないので、数行で自分で書く(MONAI などのライブラリにもある)。

前景(物体)が画素の 1 割に満たない画像では、物体を一つも見つけない
「すべて背景」の予測でも画素の正解率は 9 割を超え、画素ごとに平均する BCE も
小さくなりうる。下の例では、BCE は物体の半分を見つけた予測より「すべて背景」
を良いとしてしまうが、Dice 損失は正しく逆の順に並べる。実務では
BCE(または CrossEntropy)と Dice を足して使うことが多い。
"""

import torch
import torch.nn.functional as F


def dice_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """二値セグメンテーションのソフト Dice 損失(バッチの平均)。"""
    prob = torch.sigmoid(logits).flatten(1)
    target = target.flatten(1)
    inter = (prob * target).sum(dim=1)
    total = prob.sum(dim=1) + target.sum(dim=1)
    dice = (2 * inter + 1.0) / (total + 1.0)  # +1: 前景がない画像で 0/0 を防ぐ
    return 1 - dice.mean()


# 16×16 の画像 1 枚。中央の 4×4 だけが前景(全体の 16 / 256 = 6.25%)
target = torch.zeros(1, 1, 16, 16)
target[..., 6:10, 6:10] = 1.0

predictions = {
    "正解どおり": (target * 2 - 1) * 10,  # 前景で +10、背景で -10 のロジット
    # 物体を見つけない(どの画素も背景の確率 0.88 と予測)
    "すべて背景": torch.full_like(target, -2.0),
    # 物体の左半分だけを見つけ、右半分は自信をもって背景とする
    "前景を半分だけ": torch.where(
        torch.arange(16).view(1, 1, 1, 16) < 8, (target * 2 - 1) * 10, -10.0
    ),
}
results = {}
for name, logits in predictions.items():
    accuracy = ((logits > 0).float() == target).float().mean().item()
    bce = F.binary_cross_entropy_with_logits(logits, target).item()
    dice = dice_loss(logits, target).item()
    results[name] = {"accuracy": accuracy, "bce": bce, "dice": dice}
    print(
        f"{name}: 画素の正解率 {accuracy:.4f}, BCE {bce:.4f}, "
        f"Dice 損失 {dice:.4f}"
    )
