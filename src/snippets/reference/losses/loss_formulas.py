"""表の数式どおりに計算した値と、nn の損失関数の値を比べる。"""

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
pred, true = torch.randn(6), torch.randn(6)
logits, cls = torch.randn(6, 4), torch.randint(0, 4, (6,))
z, y01 = torch.randn(6), torch.randint(0, 2, (6,)).float()
a, p, n = torch.randn(6, 8), torch.randn(6, 8), torch.randn(6, 8)

checks = {
    "MSELoss": (nn.MSELoss()(pred, true), ((pred - true) ** 2).mean()),
    "L1Loss": (nn.L1Loss()(pred, true), (pred - true).abs().mean()),
    "HuberLoss": (
        nn.HuberLoss(delta=1.0)(pred, true),
        torch.where(
            (pred - true).abs() < 1.0,
            0.5 * (pred - true) ** 2,
            (pred - true).abs() - 0.5,
        ).mean(),
    ),
    "CrossEntropyLoss": (
        nn.CrossEntropyLoss()(logits, cls),
        -F.log_softmax(logits, dim=1)[torch.arange(6), cls].mean(),
    ),
    "BCEWithLogitsLoss": (
        nn.BCEWithLogitsLoss()(z, y01),
        -(
            y01 * torch.log(torch.sigmoid(z))
            + (1 - y01) * torch.log(1 - torch.sigmoid(z))
        ).mean(),
    ),
    "TripletMarginLoss": (
        nn.TripletMarginLoss(margin=1.0)(a, p, n),
        torch.clamp(
            F.pairwise_distance(a, p) - F.pairwise_distance(a, n) + 1.0, min=0
        ).mean(),
    ),
}
results = {}
for name, (builtin, manual) in checks.items():
    results[name] = torch.allclose(builtin, manual, atol=1e-6)
    print(
        f"{name:<18} nn: {builtin.item():.5f}  数式: {manual.item():.5f}  "
        f"一致: {results[name]}"
    )
