"""docs/roadmap/debugging.md のテスト。

デバッグとプロファイリング: TensorBoard、torchinfo、profiler。
"""

BASE = "roadmap/debugging"


def test_tensorboard_events_read_back(snippet):
    ns = snippet(f"{BASE}/tensorboard_logging")
    assert set(ns["tags"]) == {"train/loss", "train/grad_norm", "train/lr"}
    assert len(ns["logged_loss"]) == 20
    assert ns["logged_loss"][-1] < 0.01 * ns["logged_loss"][0]
    assert abs(ns["logged_loss"][-1] - ns["loss"].item()) < 1e-6


def test_torchinfo_counts_parameters(snippet):
    ns = snippet(f"{BASE}/model_summary")
    assert ns["total_params"] == (1 * 8 * 9 + 8) + (128 * 10 + 10)
    assert "[32, 8, 4, 4]" in str(ns["info"])


def test_profiler_exports_chrome_trace(snippet):
    ns = snippet(f"{BASE}/profiler_trace")
    assert "forward_backward" in ns["event_names"]
    assert "aten::addmm" in ns["table"] or "aten::linear" in ns["table"]
    assert ns["size_kib"] > 0
