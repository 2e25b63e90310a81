"""docs/practice/exercises.md のテスト。

演習問題: 解答例のスニペットと、問題2のバグのあるコードを確かめる。
"""

import torch

BASE = "practice/exercises"


def test_problem2_buggy_code_raises_its_real_error(snippet):
    ns = snippet(f"{BASE}/q2_buggy")  # expect-error: RuntimeError
    assert "ambiguous" in str(ns["__error__"])
    assert "loss" not in ns  # 損失を計算する前に止まっている


def test_problem2_solution_learns(snippet):
    ns = snippet(f"{BASE}/q2_solution")
    assert isinstance(ns["criterion"], torch.nn.MSELoss)
    assert ns["losses"][-1] < ns["losses"][0] / 2


def test_missing_zero_grad_is_silent_but_accumulates(snippet):
    ns = snippet(f"{BASE}/q2_zero_grad_silent")
    with_reset, without = ns["with_reset"], ns["without_reset"]
    assert with_reset[0] == without[0]  # 最初のステップは同じ
    assert all(a < b for a, b in zip(without, without[1:], strict=False))
    assert without[-1] > 4 * with_reset[-1]


def test_problem3_normalized_dataset(snippet):
    ns = snippet(f"{BASE}/q3_solution")
    data = ns["dataset"].data
    assert data.mean(dim=0).abs().max() < 1e-5
    assert torch.allclose(data.std(dim=0, correction=0), torch.ones(10))
    assert ns["dataset"].data.std() > 1.0  # 不偏標準偏差はわずかに大きい
    assert ns["xb"].shape == (16, 10) and ns["yb"].dtype == torch.long


def test_problem4_same_parameter_count(snippet):
    t = snippet(f"{BASE}/q4_solution_torch")
    k = snippet(f"{BASE}/q4_solution_keras")
    expected = 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10
    assert t["n_params"] == k["n_params"] == expected == 235_146
    assert tuple(t["output"].shape) == tuple(k["output"].shape) == (32, 10)


def test_problem5_restores_best_checkpoint(snippet):
    ns = snippet(f"{BASE}/q5_solution")
    stopper = ns["stopper"]
    assert ns["epoch"] < 50  # 早期終了した
    assert ns["epoch"] - stopper.best_epoch == stopper.patience
    assert ns["restored_val_loss"] == stopper.best_loss
