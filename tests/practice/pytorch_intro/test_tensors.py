"""docs/practice/pytorch_intro/tensors.md のテスト。

2.1 PyTorch 入門「テンソル操作の基礎」:
各スニペットが教えている内容を確かめる。
"""

import torch

BASE = "practice/pytorch_intro/tensors"


def test_tensor_ops(snippet):
    ns = snippet(f"{BASE}/tensor_basics")
    a, b = ns["a"], ns["b"]
    assert torch.equal(a @ b, torch.tensor([[19.0, 22.0], [43.0, 50.0]]))
    assert torch.equal(a * b, torch.tensor([[5.0, 12.0], [21.0, 32.0]]))
    # from_numpy はメモリを共有する
    ns["np_array"][0, 0] = 100
    assert ns["torch_tensor"][0, 0].item() == 100
    assert ns["torch_tensor"].dtype == torch.int64


def test_random_values_are_seeded(snippet):
    ns = snippet(f"{BASE}/tensor_basics")
    torch.manual_seed(0)
    assert torch.equal(ns["randn"], torch.randn(2, 3))
