"""docs/basics/next_steps.md のテスト。

第1部「さらに学ぶには」: BatchNorm と LayerNorm の正規化の向きと、
学習時・推論時の違い。
"""

import torch


def test_batchnorm_normalizes_columns_layernorm_rows(snippet):
    ns = snippet("basics/next_steps/normalization")
    y_bn, y_ln = ns["y_bn"], ns["y_ln"]
    # BatchNorm: 特徴量(列)ごとに平均 0・標準偏差 1
    assert torch.allclose(y_bn.mean(dim=0), torch.zeros(4), atol=1e-5)
    assert torch.allclose(ns["bn_std"], torch.ones(4), atol=1e-3)
    # LayerNorm: サンプル(行)ごとに平均 0・標準偏差 1
    assert torch.allclose(y_ln.mean(dim=1), torch.zeros(8), atol=1e-5)
    assert torch.allclose(ns["ln_std"], torch.ones(8), atol=1e-3)
    # 入力の列は正規化されていない(正規化の効果を見ている)
    assert ns["x"].mean(dim=0).abs().min() > 0.5


def test_batchnorm_depends_on_batch_layernorm_does_not(snippet):
    ns = snippet("basics/next_steps/normalization")
    assert ns["bn_depends_on_batch"] is True
    assert ns["ln_same"] is True
    # eval() では移動平均を使う: 1 サンプルでも動き、学習時の出力とは違う
    assert not ns["bn"].training
    assert ns["y_eval"].shape == (1, 4)
    assert not torch.allclose(ns["y_eval"][0], ns["y_bn"][0])
