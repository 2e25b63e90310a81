"""docs/practice/model_building/custom_layers.md のテスト。

2.2 実践的なモデル構築「カスタムレイヤーの作成」:
各スニペットが教えている内容を確かめる。
"""

import torch

BASE = "practice/model_building/custom_layers"


def test_custom_layers_train_vs_eval(snippet):
    ns = snippet(f"{BASE}/custom_layers")
    assert ns["out_eval1"].shape == (16, 10)
    # 学習モードではノイズで出力が変わり、評価モードでは変わらない
    assert not torch.equal(ns["out_train1"], ns["out_train2"])
    assert torch.equal(ns["out_eval1"], ns["out_eval2"])
    noise = ns["GaussianNoise"](sigma=0.5)
    x = torch.ones(4, 3)
    noise.eval()
    assert torch.equal(noise(x), x)
    noise.train()
    assert not torch.equal(noise(x), x)


def test_residual_block_adds_its_input(snippet):
    ns = snippet(f"{BASE}/custom_layers")
    block = ns["ResidualBlock"](8).eval()
    with torch.no_grad():
        block.fc2.weight.zero_()
        block.fc2.bias.zero_()
    x = torch.randn(5, 8)
    # 残差の経路が 0 なら、出力は relu(x) そのもの(ショートカット)
    assert torch.allclose(block(x), torch.relu(x))
