"""docs/reference/autograd.md のテスト。

リファレンス「Autograd」。
"""

import pytest
import torch

BASE = "reference/autograd"


def test_forward_graph(snippet):
    ns = snippet(f"{BASE}/forward_graph")
    x = ns["x"].detach()
    assert torch.isclose(ns["out"], (3 * (x + 2) ** 2).mean())
    assert ns["out"].grad_fn.name() == "MeanBackward0"


def test_backward_matches_analytic(snippet):
    ns = snippet(f"{BASE}/backward")
    assert torch.allclose(ns["x"].grad, 1.5 * (ns["x"].detach() + 2))


def test_no_grad(snippet):
    ns = snippet(f"{BASE}/no_grad")
    assert not ns["y"].requires_grad
    assert not ns["x"].requires_grad
    assert not ns["z"].requires_grad


def test_methods(snippet):
    ns = snippet(f"{BASE}/methods")
    x = ns["x"].detach()
    assert torch.equal(ns["x"].grad, 8 * x)
    assert torch.equal(ns["h"].grad, 4 * x)
    assert ns["g"].item() == 12.0
    assert ns["w"].grad.item() == 6.0  # 足し込まれる


def test_dynamic_graph(snippet):
    ns = snippet(f"{BASE}/dynamic_graph")
    out, n = ns["f"](torch.tensor([1.0, 1.0]))
    assert n == 3


def test_torch_and_tf_agree(snippet):
    assert snippet(f"{BASE}/gradient_torch")["x"].grad.item() == 7.0
    pytest.importorskip("tensorflow", reason="TensorFlow がない環境")
    assert snippet(f"{BASE}/gradient_tf")["grad"].numpy() == 7.0
