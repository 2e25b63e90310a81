"""docs/roadmap/roadmap.md のテスト。

ロードマップ: 中核の 3 要素の例を確かめる。
"""


def test_core_concepts(snippet):
    ns = snippet("roadmap/roadmap/core_concepts")
    assert ns["x"].grad.item() == 12.0
    assert ns["n_params"] == 15
    assert (ns["out"] >= 0).all()
