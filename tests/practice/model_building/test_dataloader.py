"""docs/practice/model_building/dataloader.md のテスト。

2.2 実践的なモデル構築「DataLoader とバッチ処理」:
各スニペットが教えている内容を確かめる。
"""

import torch


def test_dataloader_batches_and_learning(snippet):
    ns = snippet("practice/model_building/dataloader/dataloader")
    assert len(ns["train_set"]) + len(ns["val_set"]) == 1797
    assert len(ns["train_loader"]) == len(ns["train_set"]) // 32
    sizes = {len(xb) for xb, _ in ns["train_loader"]}
    assert sizes == {32}  # drop_last=True: 端数のバッチがない
    x, y = ns["dataset"][0]
    assert x.max() <= 1.0 and y.dtype == torch.long
    assert ns["val_acc"] > 0.85
