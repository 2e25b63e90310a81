"""docs/appendix/site_guide.md のテスト。

付録「このサイトの使い方」: タブに並べた例が同じ結果になること。
"""

import numpy as np

BASE = "appendix/site_guide"


def test_gradient_is_the_same_in_both_frameworks(snippet):
    torch_ns = snippet(f"{BASE}/gradient_torch")
    keras_ns = snippet(f"{BASE}/gradient_keras")
    # y = x² の x = 3 での勾配は 2x = 6
    assert torch_ns["x"].grad.item() == 6.0
    assert float(keras_ns["grad"]) == 6.0


def test_row_sums_match(snippet):
    t = snippet(f"{BASE}/tensor_torch")["row_sum"].numpy()
    k = snippet(f"{BASE}/tensor_keras")["row_sum"].numpy()
    np.testing.assert_array_equal(t, k)
    np.testing.assert_array_equal(t, [3.0, 12.0])


def test_figure_draws_curve_and_tangent(snippet):
    ns = snippet(f"{BASE}/gradient_figure")
    assert ns["slope"] == 6.0
    # 接線は x0 で曲線に接する
    i = int(np.argmin(abs(ns["xs"] - ns["x0"])))
    assert ns["tangent"][i] == ns["xs"][i] ** 2
