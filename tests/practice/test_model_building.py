"""4.2 実践的なモデル構築: 各スニペットが教えている内容を確かめる。"""

import math

import torch

BASE = "practice/model_building"


def test_custom_layers_train_vs_eval(snippet):
    ns = snippet(f"{BASE}/custom_layers/custom_layers")
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
    ns = snippet(f"{BASE}/custom_layers/custom_layers")
    block = ns["ResidualBlock"](8).eval()
    with torch.no_grad():
        block.fc2.weight.zero_()
        block.fc2.bias.zero_()
    x = torch.randn(5, 8)
    # 残差の経路が 0 なら、出力は relu(x) そのもの(ショートカット)
    assert torch.allclose(block(x), torch.relu(x))


def test_cross_entropy_and_logit_losses(snippet):
    ns = snippet(f"{BASE}/loss_optimizers/loss_functions")
    manual = -torch.log_softmax(ns["logits"], 1)[range(3), ns["labels"]]
    assert math.isclose(ns["ce"].item(), manual.mean().item(), rel_tol=1e-6)
    # sigmoid + BCELoss は大きなロジットで勾配が消える
    assert ns["grad_bce"] == 0.0
    assert math.isclose(ns["grad_logits"], torch.sigmoid(torch.tensor(20.0)))


def test_every_optimizer_learns(snippet):
    ns = snippet(f"{BASE}/loss_optimizers/optimizers")
    losses = ns["final_loss"]
    assert set(losses) == {"SGD", "SGD+momentum", "Adam", "AdamW", "RMSprop"}
    assert all(v < math.log(10) for v in losses.values())
    assert losses["SGD+momentum"] < losses["SGD"]
    assert losses["Adam"] < 1.0


def test_dataloader_batches_and_learning(snippet):
    ns = snippet(f"{BASE}/dataloader/dataloader")
    assert len(ns["train_set"]) + len(ns["val_set"]) == 1797
    assert len(ns["train_loader"]) == len(ns["train_set"]) // 32
    sizes = {len(xb) for xb, _ in ns["train_loader"]}
    assert sizes == {32}  # drop_last=True: 端数のバッチがない
    x, y = ns["dataset"][0]
    assert x.max() <= 1.0 and y.dtype == torch.long
    assert ns["val_acc"] > 0.85


def test_training_curves_are_real(snippet):
    ns = snippet(f"{BASE}/visualization/training_curves")
    h = ns["history"]
    assert all(len(v) == 20 for v in h.values())
    assert h["train_loss"][-1] < h["train_loss"][0] / 5
    assert h["val_loss"][-1] < h["val_loss"][0] / 3
    assert h["val_acc"][-1] > 0.9
    titles = [ax.get_title() for ax in ns["fig"].axes]
    assert titles == ["損失の推移", "正解率の推移"]
