"""docs/basics/features.md のテスト。

PyTorch の基本 1「特徴」: 動的グラフと NumPy 風 API の例を確かめる。
"""

import torch

BASE = "basics/features"


def test_dynamic_graph_follows_python_control_flow(snippet):
    ns = snippet(f"{BASE}/dynamic_graph")
    # 正の入力: 2 回 2 乗 → x^4 の和、勾配は 4x^3
    x = ns["x_pos"].detach()
    assert torch.allclose(ns["out_pos"], (x**4).sum())
    assert torch.allclose(ns["x_pos"].grad, 4 * x**3)
    # 負の入力: 2 回 3 倍 → 9x の和、勾配は 9
    assert torch.allclose(ns["x_neg"].grad, torch.full((2,), 9.0))
    assert ns["ops"] == [
        "SumBackward0",
        "PowBackward0",
        "PowBackward0",
        "AccumulateGrad",
    ]


def test_from_numpy_shares_memory(snippet):
    ns = snippet(f"{BASE}/pythonic_api")
    assert ns["a"][0, 0].item() == 100.0
    assert ns["shapes"]["0.weight"] == (4, 3)
