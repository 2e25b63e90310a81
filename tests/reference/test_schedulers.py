"""docs/reference/schedulers.md のテスト。

リファレンス「学習率スケジューラ」。
"""

import pytest

BASE = "reference/schedulers"


def test_steplr(snippet):
    lrs = snippet(f"{BASE}/steplr_usage")["lr_history"]
    assert lrs[29] == pytest.approx(0.1)
    assert lrs[30] == pytest.approx(0.01)
    assert lrs[60] == pytest.approx(0.001)


def test_plateau_reduces_on_stagnation(snippet):
    ns = snippet(f"{BASE}/plateau_trace")
    assert ns["changes"], "学習率が一度も下がっていない"
    first = ns["changes"][0]
    losses = ns["val_losses"]
    # 下げる直前の patience + 1 エポックで、最良値を更新していない
    best_before = min(losses[: first - 4])
    assert min(losses[first - 4 : first]) > best_before * (1 - 1e-4)


def test_onecycle_is_one_cycle_over_whole_run(snippet):
    ns = snippet(f"{BASE}/onecycle_usage")
    lrs = ns["lrs"]
    assert len(lrs) == 50
    peak = ns["peak"]
    assert 10 <= peak <= 20  # pct_start=0.3 の位置
    # ピークまでは単調に上がり、その後は単調に下がる(1 周期だけ)
    assert all(
        a <= b for a, b in zip(lrs[:peak], lrs[1 : peak + 1], strict=True)
    )
    assert all(
        a >= b for a, b in zip(lrs[peak:-1], lrs[peak + 1 :], strict=True)
    )


def test_warmup_cosine(snippet):
    lrs = snippet(f"{BASE}/warmup_cosine")["lrs"]
    assert lrs[0] == pytest.approx(1e-4)
    assert lrs[5] == pytest.approx(0.1)
    assert lrs[-1] < 1e-4


def test_figure_has_all_schedules(snippet):
    schedules = snippet(f"{BASE}/schedules_figure")["schedules"]
    assert len(schedules) == 7
    for lrs in schedules.values():
        assert len(lrs) == 100
    onecycle = schedules["OneCycleLR(total_steps=100)"]
    assert max(onecycle) == pytest.approx(0.1)
