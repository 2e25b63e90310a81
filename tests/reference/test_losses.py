"""docs/reference/losses.md のテスト。

リファレンス「損失関数」。
"""

import math

BASE = "reference/losses"


def test_formulas_match(snippet):
    ns = snippet(f"{BASE}/loss_formulas")
    assert all(ns["results"].values()), ns["results"]


def test_bce_with_logits_is_exact_and_keeps_gradient(snippet):
    ns = snippet(f"{BASE}/bce_vs_logits")
    for z, bce, bce_grad, logits_loss, logits_grad in ns["rows"]:
        exact = z + math.log1p(math.exp(-z))  # log(1 + e^z)
        assert math.isclose(logits_loss, exact, rel_tol=1e-5)
        assert math.isclose(logits_grad, 1 / (1 + math.exp(-z)), rel_tol=1e-5)
        if z >= 17:  # sigmoid が 1.0 に丸められる
            assert bce == 100.0
            assert bce_grad == 0.0


def test_loss_usage(snippet):
    ns = snippet(f"{BASE}/loss_usage")
    assert abs(ns["loss"].item() - ns["loss_bce"].item()) < 1e-5


def test_custom_loss_differentiable(snippet):
    ns = snippet(f"{BASE}/custom_loss")
    assert ns["pred"].grad is not None
    assert ns["logits"].grad is not None


def test_multitask_loss_decreases(snippet):
    ns = snippet(f"{BASE}/multitask_loss")
    assert ns["history"][-1] < ns["history"][0] / 2


def test_zero_grad_frees_and_combined_grad(snippet):
    ns = snippet(f"{BASE}/step_order")
    assert ns["model"].weight.grad is None
    assert snippet(f"{BASE}/combined_losses")["same"]
