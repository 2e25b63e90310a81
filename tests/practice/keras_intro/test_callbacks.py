"""docs/practice/keras_intro/callbacks.md のテスト。

2.3 TensorFlow/Keras 入門「コールバックの活用」:
各スニペットが教えている内容を確かめる。
"""

import math

BASE = "practice/keras_intro/callbacks"


def test_keras_callbacks(snippet):
    ns = snippet(f"{BASE}/callbacks_keras")
    val_losses = ns["val_losses"]
    assert len(val_losses) < 100  # 早期終了した
    best = min(val_losses)
    assert math.isclose(ns["restored_val_loss"], best, rel_tol=1e-5)
    assert math.isclose(ns["ckpt_val_loss"], best, rel_tol=1e-5)
    assert ns["lrs"][-1] < ns["lrs"][0]  # ReduceLROnPlateau が効いた


def test_torch_callbacks_equivalent(snippet):
    ns = snippet(f"{BASE}/callbacks_torch")
    assert ns["epoch"] < 100
    assert ns["restored_val_loss"] == ns["best_loss"]
    assert ns["lrs"][-1] < ns["lrs"][0]
