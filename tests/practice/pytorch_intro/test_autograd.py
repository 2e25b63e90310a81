"""docs/practice/pytorch_intro/autograd.md のテスト。

2.1 PyTorch 入門「Autograd(自動微分)」:
各スニペットが教えている内容を確かめる。
"""

import torch

BASE = "practice/pytorch_intro/autograd"


def test_autograd_gradients(snippet):
    ns = snippet(f"{BASE}/autograd_basics")
    x = ns["x"]
    assert torch.allclose(x.grad, 8 * x.detach() / 3)
    assert ns["out"].grad_fn is not None


def test_autograd_first_example_is_seven(snippet):
    ns = snippet(f"{BASE}/autograd_basics")
    # 2 つ目の例で x は上書きされるので、y の計算を再現して確かめる
    x = torch.tensor([2.0], requires_grad=True)
    (x**2 + 3 * x + 1).backward()
    assert x.grad.item() == 7.0
    assert ns["y"].grad_fn is not None
