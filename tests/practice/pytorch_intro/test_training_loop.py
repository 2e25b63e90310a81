"""docs/practice/pytorch_intro/training_loop.md のテスト。

2.1 PyTorch 入門「学習ループの実装」: 各スニペットが教えている内容を確かめる。
"""


def test_training_loss_decreases_and_generalises(snippet):
    ns = snippet("practice/pytorch_intro/training_loop/training_loop")
    losses = ns["losses"]
    assert len(losses) == 10
    assert losses[-1] < 0.2 * losses[0]
    assert all(b < a for a, b in zip(losses, losses[1:], strict=False))
    assert ns["val_acc"] > 0.9
