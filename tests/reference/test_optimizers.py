"""docs/reference/optimizers.md のテスト。

リファレンス「オプティマイザ」: 使い方・更新式・よくある間違い。
"""

import pytest

BASE = "reference/optimizers"


def test_usage_runs_and_adam_params(snippet):
    snippet(f"{BASE}/optimizer_usage")
    group = snippet(f"{BASE}/adam_params")["group"]
    assert group["betas"] == (0.9, 0.999)
    assert group["weight_decay"] == 0.01


def test_state_memory(snippet):
    ns = snippet(f"{BASE}/state_memory")
    per = ns["state_per_param"]
    assert per["SGD"] == 0
    assert per["SGD (momentum)"] == 1
    assert per["Adam"] == per["AdamW"] == 2


def test_update_formulas(snippet):
    ns = snippet(f"{BASE}/update_formulas")
    assert ns["sgd_ok"] and ns["momentum_ok"] and ns["adam_ok"]


def test_per_layer_lr(snippet):
    lrs = snippet(f"{BASE}/per_layer_lr")["lrs"]
    assert lrs[1] == [0.001, 0.01]
    assert lrs[30] == pytest.approx([0.0001, 0.001])


def test_grad_clipping(snippet):
    ns = snippet(f"{BASE}/grad_clipping")
    assert ns["norm_before"] > 1.0
    assert ns["norm_after"].item() == pytest.approx(1.0, rel=1e-4)


def test_warmup_never_zero(snippet):
    ns = snippet(f"{BASE}/warmup")
    assert ns["naive"][0] == 0.0  # 手書きの式の落とし穴
    assert min(ns["manual"]) > 0
    assert ns["with_scheduler"] == pytest.approx(ns["fixed"])


def test_grad_accumulation(snippet):
    assert snippet(f"{BASE}/grad_accumulation")["same"]


def test_mixed_precision(snippet):
    ns = snippet(f"{BASE}/mixed_precision")
    assert ns["output"].dtype == ns["amp_dtype"]
    assert ns["scaler"].is_enabled() == ns["use_cuda"]


def test_no_zero_grad_hurts_and_fix_converges(snippet):
    ns = snippet(f"{BASE}/mistake_zero_grad")
    wrong, right = ns["wrong"], ns["right"]
    assert wrong[0] == right[0]  # 最初のステップは同じ
    assert right[-1] < right[0] / 10  # 正しい版は収束する
    assert wrong[-1] > 10 * right[-1]  # 忘れると大きく劣る


def test_bn_excluded_from_weight_decay(snippet):
    ns = snippet(f"{BASE}/mistake_bn_weight_decay")
    model = ns["Net"]()
    groups = ns["param_groups"](model, 0.5)
    no_decay = {id(p) for p in groups[1]["params"]}
    assert id(model.bn.weight) in no_decay
    assert id(model.bn.bias) in no_decay
    assert id(model.features.weight) not in no_decay
    assert ns["bn_wrong"] < ns["bn_right"]


def test_scheduler_order(snippet):
    results = snippet(f"{BASE}/mistake_scheduler_order")["results"]
    lrs, warnings = results["correct"]
    assert lrs == pytest.approx([0.1, 0.1, 0.01, 0.01])
    assert warnings == []
    lrs, warnings = results["scheduler_first"]
    assert lrs[1] == pytest.approx(0.01)  # 1 エポック早く下がる
    assert any("before `optimizer.step()`" in w for w in warnings)
    lrs, _ = results["per_batch"]
    assert lrs[1] < 1e-5
