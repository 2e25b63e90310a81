"""docs/reference/tips.md のテスト。

リファレンス「Tips」: スニペットが教えている内容を確かめる。
"""

import math

import torch

BASE = "reference/tips"


def test_tensor_vs_Tensor(snippet):
    ns = snippet(f"{BASE}/tensor_factory")
    assert ns["t1"].dtype == torch.int64
    assert ns["t3"].dtype == torch.float32
    assert ns["t4"].shape == (2, 3)
    assert ns["w"].requires_grad


def test_cat_shapes(snippet):
    ns = snippet(f"{BASE}/cat_shapes")
    assert ns["C"].shape == (4, 3)
    assert ns["D"].shape == (2, 6)
    assert ns["E"].shape == (7, 3)


def test_stack_cat_uses(snippet):
    ns = snippet(f"{BASE}/stack_cat_uses")
    assert ns["batch"].shape == (2, 3, 224, 224)
    assert ns["sequence"].shape == (2, 256)
    assert ns["combined"].shape == (10, 768)
    assert ns["merged"].shape == (64, 64, 64)


def test_stack_equals_cat_of_unsqueezed():
    a, b = torch.rand(2, 3), torch.rand(2, 3)
    for dim in range(3):
        expected = torch.cat((a.unsqueeze(dim), b.unsqueeze(dim)), dim)
        assert torch.equal(torch.stack((a, b), dim), expected)


def test_benchmark_measured_and_bytes_equal(snippet):
    ns = snippet(f"{BASE}/stack_cat_benchmark")
    assert set(ns["results"]) == {(2, 3), (64, 64), (1000, 1000)}
    for t_stack, t_cat in ns["results"].values():
        assert t_stack > 0 and t_cat > 0
    assert ns["stacked"].nbytes == ns["catted"].nbytes


def test_iterations_per_epoch(snippet):
    ns = snippet(f"{BASE}/epoch_iteration")
    n, bs = ns["N"], ns["batch_size"]
    assert ns["iters_per_epoch"] == math.ceil(n / bs) == len(ns["loader"])
    assert ns["total"] == ns["epochs"] * math.ceil(n / bs)
    assert ns["iters_drop_last"] == n // bs
    assert sum(ns["sizes"]) == n


def test_inplace_on_leaf_fails_at_the_inplace_call(snippet):
    ns = snippet(f"{BASE}/inplace_leaf_error")
    assert isinstance(ns["__error__"], RuntimeError)
    assert "leaf Variable that requires grad" in str(ns["__error__"])
    assert ns["reached_backward"] is False  # backward() の前に失敗した


def test_inplace_on_saved_tensor_fails_at_backward(snippet):
    ns = snippet(f"{BASE}/inplace_saved_error")
    assert ns["reached_backward"] is True  # mul_ の行は通った
    assert "modified by an inplace operation" in str(ns["__error__"])
