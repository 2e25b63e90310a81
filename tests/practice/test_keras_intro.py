"""4.3 TensorFlow/Keras 入門: 各スニペットが教えている内容を確かめる。"""

import math

import pytest

BASE = "practice/keras_intro"


def test_sequential_same_architecture_in_both(snippet):
    torch_ns = snippet(f"{BASE}/sequential_functional/sequential_torch")
    keras_ns = snippet(f"{BASE}/sequential_functional/sequential_keras")
    n_torch = sum(p.numel() for p in torch_ns["model"].parameters())
    assert n_torch == keras_ns["model"].count_params() == 26_122
    assert torch_ns["val_acc"] > 0.9
    assert keras_ns["history"].history["val_accuracy"][-1] > 0.9
    assert len(keras_ns["history"].history["loss"]) == 10


def test_functional_model_merges_two_paths(snippet):
    ns = snippet(f"{BASE}/sequential_functional/functional_keras")
    merge = ns["model"].get_layer("merge")
    assert merge.output.shape[-1] == 32 + 64
    assert ns["val_acc"] > 0.9


@pytest.mark.parametrize("fw", ["torch", "keras"])
def test_custom_model_train_vs_inference(snippet, fw):
    ns = snippet(f"{BASE}/custom_model/custom_model_{fw}")
    assert ns["same_eval"]
    assert not ns["same_train"]
    assert ns["val_acc"] > 0.9


def test_keras_callbacks(snippet):
    ns = snippet(f"{BASE}/callbacks/callbacks_keras")
    val_losses = ns["val_losses"]
    assert len(val_losses) < 100  # 早期終了した
    best = min(val_losses)
    assert math.isclose(ns["restored_val_loss"], best, rel_tol=1e-5)
    assert math.isclose(ns["ckpt_val_loss"], best, rel_tol=1e-5)
    assert ns["lrs"][-1] < ns["lrs"][0]  # ReduceLROnPlateau が効いた


def test_torch_callbacks_equivalent(snippet):
    ns = snippet(f"{BASE}/callbacks/callbacks_torch")
    assert ns["epoch"] < 100
    assert ns["restored_val_loss"] == ns["best_loss"]
    assert ns["lrs"][-1] < ns["lrs"][0]
