"""docs/basics/linear_regression.md のテスト。

PyTorch の基本 3「線形回帰」: どのシードでも最小二乗解に収束すること。
"""

import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
import torch

BASE = "basics/linear_regression"
SNIPPET = (
    Path(__file__).resolve().parents[2]
    / "src/snippets/basics/linear_regression/linear_regression.py"
)


def test_fit_matches_least_squares(snippet):
    ns = snippet(f"{BASE}/linear_regression")
    assert abs(ns["learned_w"] - ns["w_ls"]) < 1e-4
    assert abs(ns["learned_b"] - ns["b_ls"]) < 1e-4
    assert abs(ns["learned_w"] - 2) < 0.2 and abs(ns["learned_b"] - 1) < 0.2
    # 最後の損失は、最小二乗解の平均二乗誤差(これ以上は下がらない値)に届く
    X, y = ns["X_train"], ns["y_train"]
    ls_mse = ((ns["w_ls"] * X + ns["b_ls"] - y) ** 2).mean().item()
    losses = ns["loss_history"]
    assert len(losses) == 100
    assert losses[-1] == pytest.approx(ls_mse, rel=1e-3)
    assert losses[0] > 5 * ls_mse
    assert len(plt.get_fignums()) == 0  # 図は描いて閉じている(2 枚)


@pytest.mark.parametrize("seed", range(10))
def test_converges_for_any_seed(seed, tmp_path, monkeypatch, capsys):
    """スニペットのシードだけを差し替えて実行し、最小二乗解と比べる。"""
    source = SNIPPET.read_text(encoding="utf-8")
    assert "SEED = 42\n" in source
    patched = tmp_path / "linear_regression_seed.py"
    patched.write_text(source.replace("SEED = 42\n", f"SEED = {seed}\n"))
    monkeypatch.chdir(tmp_path)
    try:
        ns = runpy.run_path(str(patched), run_name="__main__")
    finally:
        plt.close("all")
    X, y = ns["X_train"], ns["y_train"]
    A = torch.cat([X, torch.ones_like(X)], dim=1)
    w, b = torch.linalg.lstsq(A, y).solution.flatten().tolist()
    assert abs(ns["learned_w"] - w) < 1e-3
    assert abs(ns["learned_b"] - b) < 1e-3
    assert all(torch.isfinite(torch.tensor(ns["loss_history"])))


def test_state_dict_round_trip_and_full_model_load(snippet):
    ns = snippet(f"{BASE}/save_load")
    assert ns["same"] is True
    assert "Unsupported global" in ns["reason"]
    assert "LinearRegressionModel" in ns["reason"]
    assert type(ns["full"]).__name__ == "LinearRegressionModel"


def test_unscaled_setting_is_unstable(snippet):
    ns = snippet(f"{BASE}/lr_stability")
    assert ns["unscaled"]["diverged"] >= 5
    assert ns["unscaled"]["converged"] < 10
    assert ns["standardized"] == {"diverged": 0, "converged": 20}
