"""docs/practice/techniques/early_stopping.md のテスト。

2.4 実用的なテクニック「早期終了とチェックポイント」:
各スニペットが教えている内容を確かめる。
"""

import math

import torch

BASE = "practice/techniques/early_stopping"


def test_early_stopping_restores_best_exactly(snippet):
    ns = snippet(f"{BASE}/early_stopping_torch")
    stopper = ns["early_stopping"]
    assert ns["epoch"] < 100  # 早期終了した
    assert ns["epoch"] - stopper.best_epoch == stopper.patience
    assert ns["last_val_loss"] > stopper.best_loss
    # 復元後の検証損失は、最良のエポックの検証損失と完全に一致する
    assert ns["restored_val_loss"] == stopper.best_loss


def test_early_stopping_class_keeps_a_real_copy(snippet):
    ns = snippet(f"{BASE}/early_stopping_torch")
    model = torch.nn.Linear(3, 2)
    stopper = ns["EarlyStopping"](patience=1)
    saved = {k: v.clone() for k, v in model.state_dict().items()}
    assert not stopper(1.0, model, epoch=1)
    with torch.no_grad():
        model.weight.add_(1.0)  # その場で書き換える(optimizer.step と同じ)
    assert stopper(2.0, model, epoch=2)  # 改善なし → 停止
    stopper.restore(model)
    for k, v in model.state_dict().items():
        assert torch.equal(v, saved[k])


def test_shallow_copy_restores_nothing(snippet):
    ns = snippet(f"{BASE}/shallow_copy_pitfall")
    assert ns["current_loss"] != ns["saved_loss"]
    # 浅いコピーからの「復元」は今の重みのまま
    assert ns["shallow_restored_loss"] == ns["current_loss"]
    assert ns["shallow_restored_loss"] != ns["saved_loss"]
    # clone() した重みからは、保存した時点の損失が完全に戻る
    assert ns["deep_restored_loss"] == ns["saved_loss"]
    ptr = ns["model"][0].weight.data_ptr()
    assert ns["shallow"]["0.weight"].data_ptr() == ptr
    assert ns["deep"]["0.weight"].data_ptr() != ptr


def test_keras_early_stopping_restores_best(snippet):
    ns = snippet(f"{BASE}/early_stopping_keras")
    val_losses = ns["val_losses"]
    assert len(val_losses) - ns["best_epoch"] == 5  # patience
    assert val_losses[-1] > min(val_losses)
    assert math.isclose(ns["restored_val_loss"], min(val_losses), rel_tol=1e-5)
