"""docs/roadmap/troubleshooting.md のテスト。

トラブルシューティング: OOM、損失が下がらない、検証精度の頭打ち。
"""

import math

BASE = "roadmap/troubleshooting"


def test_cuda_oom_is_caught(snippet):
    ns = snippet(f"{BASE}/cuda_oom")  # CUDA がなければ skip
    assert ns.get("oom_caught") is True  # 最初の確保で例外が出た
    assert 0 < ns["size"] < ns["n_floats"]
    # 捕まえた例外の名前を報告する
    out = snippet.stdout(f"{BASE}/cuda_oom")
    assert "捕まえた例外: OutOfMemoryError" in out
    assert "確保できた大きさ: " in out


def test_loss_not_decreasing_diagnosis(snippet):
    ns = snippet(f"{BASE}/loss_not_decreasing")
    cases = list(ns["cases"].values())
    too_high, too_low, no_zero_grad, correct = cases
    assert not math.isfinite(too_high[-1])  # 発散する
    assert too_low[-1] > 10 * correct[-1]  # 下がり方が遅い
    assert no_zero_grad[-1] > 10 * correct[-1]
    assert correct[-1] < 0.05


def test_small_data_overfits(snippet):
    ns = snippet(f"{BASE}/val_plateau")
    small = ns["results"]["学習データ 50 件"]
    large = ns["results"]["学習データ 1000 件"]
    assert small["train_acc"] == 1.0
    assert small["val_acc"] < 0.85
    # 過学習: 最終の検証損失は、途中の最良値より大きい
    assert small["val_loss"] > 1.2 * small["best"]["val_loss"]
    assert small["best"]["epoch"] == 16  # ページで引用している値
    assert large["best"]["epoch"] == 60
    assert large["val_acc"] > small["val_acc"] + 0.1
