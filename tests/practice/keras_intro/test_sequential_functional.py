"""docs/practice/keras_intro/sequential_functional.md のテスト。

2.3 TensorFlow/Keras 入門「Sequential API と Functional API」:
各スニペットが教えている内容を確かめる。
"""

BASE = "practice/keras_intro/sequential_functional"


def test_sequential_same_architecture_in_both(snippet):
    torch_ns = snippet(f"{BASE}/sequential_torch")
    keras_ns = snippet(f"{BASE}/sequential_keras")
    n_torch = sum(p.numel() for p in torch_ns["model"].parameters())
    assert n_torch == keras_ns["model"].count_params() == 26_122
    assert torch_ns["val_acc"] > 0.9
    assert keras_ns["history"].history["val_accuracy"][-1] > 0.9
    assert len(keras_ns["history"].history["loss"]) == 10


def test_functional_model_merges_two_paths(snippet):
    ns = snippet(f"{BASE}/functional_keras")
    merge = ns["model"].get_layer("merge")
    assert merge.output.shape[-1] == 32 + 64
    assert ns["val_acc"] > 0.9
