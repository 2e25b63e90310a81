"""docs/practice/model_building/visualization.md のテスト。

2.2 実践的なモデル構築「学習の可視化」:
各スニペットが教えている内容を確かめる。
"""


def test_training_curves_are_real(snippet):
    ns = snippet("practice/model_building/visualization/training_curves")
    h = ns["history"]
    assert all(len(v) == 20 for v in h.values())
    assert h["train_loss"][-1] < h["train_loss"][0] / 5
    assert h["val_loss"][-1] < h["val_loss"][0] / 3
    assert h["val_acc"][-1] > 0.9
    titles = [ax.get_title() for ax in ns["fig"].axes]
    assert titles == ["損失の推移", "正解率の推移"]
