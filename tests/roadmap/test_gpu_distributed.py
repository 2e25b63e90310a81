"""docs/roadmap/gpu_distributed.md のテスト。

GPU・分散学習: デバイスの確認と、CPU 上の DDP でレプリカが一致すること。
"""

import torch

from snippet_pipeline import executor, records
from snippet_pipeline.markers import Snippet

BASE = "roadmap/gpu_distributed"


def test_gpu_check_uses_available_device(snippet):
    ns = snippet(f"{BASE}/gpu_check")
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert ns["device"].type == expected
    assert ns["y"].device.type == expected


def test_ddp_replicas_end_identical(snippet):
    ns = snippet(f"{BASE}/ddp_launch")
    weights = ns["weights"]
    assert len(weights) == 2
    for key in weights[0]:
        assert torch.equal(weights[0][key], weights[1][key])
    assert ns["identical"] is True
    # 学習は実際に進んでいる(初期値のままではない)
    torch.manual_seed(0)
    net = torch.nn.Sequential(
        torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1)
    )
    assert not torch.equal(net[0].weight, weights[0]["0.weight"])


def test_ddp_log_is_intact_in_rank_order_and_repeatable(snippet):
    """各 rank の行が混ざらず、rank の順に並び、2 回目の実行でも同じ。"""
    name = f"{BASE}/ddp_launch"
    first = snippet.stdout(name)
    lines = [line for line in first.splitlines() if line.startswith("[")]
    expected = [
        f"[rank {r}/2] epoch {e}:" for r in range(2) for e in range(1, 6)
    ]
    assert [line.split(" 担当")[0] for line in lines] == expected
    assert all(line.count("[rank") == 1 for line in lines)
    again = executor.execute(Snippet.from_id(name))
    assert records.text_of(again.outputs) == first


def test_ddp_worker_runs_alone(snippet):
    """torchrun を使わずに実行すると、1 プロセスのグループで学習する。"""
    ns = snippet(f"{BASE}/ddp_worker")
    assert set(ns["final_state"]) == {
        "0.weight",
        "0.bias",
        "2.weight",
        "2.bias",
    }
    assert not torch.distributed.is_initialized()


def test_memory_summary(snippet):
    ns = snippet(f"{BASE}/memory_summary")  # CUDA がなければ skip
    assert ns["allocated"] >= 64 * 2**20
