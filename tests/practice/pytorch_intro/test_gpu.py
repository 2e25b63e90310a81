"""docs/practice/pytorch_intro/gpu.md のテスト。

2.1 PyTorch 入門「GPU 対応コード」: 各スニペットが教えている内容を確かめる。
"""

import torch

BASE = "practice/pytorch_intro/gpu"


def test_device_agnostic_runs_on_available_device(snippet):
    ns = snippet(f"{BASE}/device_agnostic")
    expected = "cuda" if torch.cuda.is_available() else None
    if expected:
        assert ns["device"].type == expected
    else:
        assert ns["device"] == torch.device("cpu") or ns["device"].type in {
            "mps",
            "xpu",
        }
    assert ns["y_dev"].device.type == ns["device"].type
    assert ns["y_cpu"].device.type == "cpu"
    assert ns["z"].device.type == ns["device"].type


def test_cuda_details(snippet):
    ns = snippet(f"{BASE}/cuda_details")  # CUDA がなければ skip
    assert ns["after"] - ns["before"] >= 4 * 2**20
