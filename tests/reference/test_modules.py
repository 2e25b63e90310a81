"""docs/reference/modules.md のテスト。

リファレンス「nn.Module」。
"""

BASE = "reference/modules"


def test_simple_nn(snippet):
    ns = snippet(f"{BASE}/simple_nn")
    assert ns["n_params"] == 1024 * 224 + 224 + 224 * 10 + 10 == 231_850
    assert ns["out"].shape == (8, 10)
    assert "(fc1): Linear(in_features=1024, out_features=224" in repr(
        ns["model"]
    )


def test_training_loop_learns(snippet):
    ns = snippet(f"{BASE}/training_loop")
    losses = ns["losses"]
    assert losses[-1] < losses[0] / 3
    assert ns["accuracy"].item() > 0.95


def test_backward_alone_does_not_update(snippet):
    ns = snippet(f"{BASE}/backward_only")
    assert ns["weight_unchanged"]
    g = ns["grad_norms"]
    assert abs(g[-1] / g[0] - 4.0) < 1e-4


def test_layer_types(snippet):
    ns = snippet(f"{BASE}/layer_types")
    assert len(ns["examples"]) == 5
