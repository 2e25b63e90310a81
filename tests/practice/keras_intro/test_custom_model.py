"""docs/practice/keras_intro/custom_model.md のテスト。

2.3 TensorFlow/Keras 入門「カスタムモデルの作成」:
各スニペットが教えている内容を確かめる。
"""

import pytest


@pytest.mark.parametrize("fw", ["torch", "keras"])
def test_custom_model_train_vs_inference(snippet, fw):
    ns = snippet(f"practice/keras_intro/custom_model/custom_model_{fw}")
    assert ns["same_eval"]
    assert not ns["same_train"]
    assert ns["val_acc"] > 0.9
