"""docs/roadmap/training_eval.md のテスト。

学習ループと評価: Dataset、train/eval、スケジューラ、損失、データ拡張。
"""

import math

import torch

BASE = "roadmap/training_eval"


def test_custom_dataset(snippet):
    ns = snippet(f"{BASE}/custom_dataset")
    assert len(ns["dataset"]) == 1797
    assert ns["batch_images"].shape == (32, 1, 8, 8)
    assert ns["n_batches"] == math.ceil(1797 / 32)


def test_train_eval_improves_validation(snippet):
    ns = snippet(f"{BASE}/train_eval")
    history = ns["history"]
    assert history[-1][1] < 0.5 * history[0][1]  # 検証損失が半分以下
    assert history[-1][2] > 0.9
    assert not ns["model"].training  # 最後は eval モード
    # ページの説明: 検証損失は下がり続け、学習率は変わらなかった
    val_losses = [h[1] for h in history]
    assert all(b < a for a, b in zip(val_losses, val_losses[1:], strict=False))
    assert {h[3] for h in history} == {3e-3}


def test_reduce_lr_on_plateau_waits_patience(snippet):
    ns = snippet(f"{BASE}/reduce_lr_on_plateau")
    assert ns["lrs"][:6] == [0.1] * 6
    assert ns["lrs"][6] == 0.05  # 最良値のあと 6 回目の改善なしで半分に
    assert ns["lrs"][12] == 0.025


def test_bce_with_logits_is_stable(snippet):
    ns = snippet(f"{BASE}/bce_with_logits")
    # 最後に計算したロジット 40: BCELoss は勾配 0、WithLogits は 1
    assert ns["grad_a"] == 0.0
    assert abs(ns["grad_b"] - 1.0) < 1e-6
    assert abs(ns["loss_b"].item() - 40.0) < 1e-4


def test_augmentation_keeps_shape_and_changes_pixels(snippet):
    ns = snippet(f"{BASE}/augmentation")
    aug, orig = ns["augmented"], ns["images"]
    assert aug.shape == orig.shape
    assert aug.min() >= 0 and aug.max() <= 1
    assert not torch.equal(aug, orig)
    # 平行移動だけなら画素の総量はほぼ保たれる(はみ出しを除く)
    g = torch.Generator().manual_seed(0)
    shifted = ns["random_shift"](orig, 1, g)
    assert shifted.sum() <= orig.sum() + 1e-4


def test_dice_loss_ranks_segmentations_where_bce_does_not(snippet):
    ns = snippet("roadmap/training_eval/dice_loss")
    r = ns["results"]
    perfect, none, half = r["正解どおり"], r["すべて背景"], r["前景を半分だけ"]
    assert perfect["dice"] < 0.01
    # 物体を見つけなくても画素の正解率は 9 割を超える
    assert none["accuracy"] > 0.9
    # BCE は「すべて背景」を良いとし、Dice 損失は正しく逆に並べる
    assert none["bce"] < half["bce"]
    assert none["dice"] > half["dice"]
    assert none["dice"] > 0.8
