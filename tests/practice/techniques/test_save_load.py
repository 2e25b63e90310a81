"""docs/practice/techniques/save_load.md のテスト。

2.4 実用的なテクニック「モデルの保存と読み込み」:
各スニペットが教えている内容を確かめる。
"""

import pickle

import torch

BASE = "practice/techniques/save_load"


def test_torch_state_dict_round_trip(snippet):
    ns = snippet(f"{BASE}/save_load_torch")
    assert ns["same"]
    assert set(ns["ckpt"]) == {
        "epoch",
        "model_state_dict",
        "optimizer_state_dict",
        "loss",
    }
    for k, v in ns["model"].state_dict().items():
        assert torch.equal(ns["resumed"].state_dict()[k], v)
    assert len(ns["resumed_opt"].state_dict()["state"]) == 4


def test_keras3_save_formats(snippet):
    ns = snippet(f"{BASE}/save_load_keras")
    assert ns["keras_path"].endswith(".keras")
    assert ns["weights_path"].endswith(".weights.h5")
    assert ns["same"]
    assert "saved_model.pb" in ns["exported"]


def test_full_model_torch_load_fails_by_default(snippet):
    ns = snippet(f"{BASE}/full_model_pitfall")
    assert isinstance(ns["error"], pickle.UnpicklingError)
    assert "Unsupported global" in str(ns["error"])
    assert type(ns["loaded"]).__name__ == "SimpleNet"
