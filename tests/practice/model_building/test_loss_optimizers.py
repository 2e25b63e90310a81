"""docs/practice/model_building/loss_optimizers.md のテスト。

2.2 実践的なモデル構築「損失関数とオプティマイザ」:
各スニペットが教えている内容を確かめる。
"""

import math

import torch

BASE = "practice/model_building/loss_optimizers"


def test_cross_entropy_and_logit_losses(snippet):
    ns = snippet(f"{BASE}/loss_functions")
    manual = -torch.log_softmax(ns["logits"], 1)[range(3), ns["labels"]]
    assert math.isclose(ns["ce"].item(), manual.mean().item(), rel_tol=1e-6)
    # sigmoid + BCELoss は大きなロジットで勾配が消える
    assert ns["grad_bce"] == 0.0
    assert math.isclose(ns["grad_logits"], torch.sigmoid(torch.tensor(20.0)))


def test_every_optimizer_learns(snippet):
    ns = snippet(f"{BASE}/optimizers")
    losses = ns["final_loss"]
    assert set(losses) == {"SGD", "SGD+momentum", "Adam", "AdamW", "RMSprop"}
    assert all(v < math.log(10) for v in losses.values())
    assert losses["SGD+momentum"] < losses["SGD"]
    assert losses["Adam"] < 1.0
