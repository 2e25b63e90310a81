"""docs/reference/data.md のテスト。

リファレンス「Dataset と DataLoader」。
"""

import torch

BASE = "reference/data"


def test_custom_dataset(snippet):
    ns = snippet(f"{BASE}/custom_dataset")
    assert len(ns["train_dataset"]) == 200
    assert len(ns["train_loader"]) == 4
    assert ns["sizes"] == [64, 64, 64, 8]


def test_loader_params(snippet):
    ns = snippet(f"{BASE}/loader_params")
    assert ns["sizes"] == [32, 32, 32, 4]
    assert ns["sizes_dropped"] == [32, 32, 32]
    assert ns["train_loader"].num_workers <= ns["cpus"]
    assert ns["train_loader"].pin_memory == torch.cuda.is_available()


def test_gpu_loader(snippet):
    ns = snippet(f"{BASE}/gpu_loader")
    assert ns["n"] == 8
    assert ns["x"].device.type == ns["device"].type


def test_collate_pads(snippet):
    ns = snippet(f"{BASE}/collate_transform")
    padded, lengths, labels = ns["my_custom_collate"](
        [ns["test_dataset"][i] for i in range(4)]
    )
    assert padded.shape == (4, int(lengths.max()))
    # パディング部分は 0、元の部分は標準化されている(平均 0)
    for row, n in zip(padded, lengths, strict=True):
        assert torch.all(row[n:] == 0)
        assert abs(row[:n].mean().item()) < 1e-5


def test_pin_memory_benchmark(snippet):
    ns = snippet(f"{BASE}/pin_memory_benchmark")  # CUDA がなければ skip
    assert ns["pinned"].is_pinned()
    assert not ns["batch"].is_pinned()
    times = ns["times"]
    assert all(t > 0 for t in times.values())
    # ページが説明するとおり、固定メモリからの転送のほうが速い
    assert times["pin_memory"] < times["通常のメモリ"], times
    assert ns["speedup"] > 1
