"""docs/practice/pytorch_intro/modules.md のテスト。

2.1 PyTorch 入門「nn.Module でモデルを定義する」:
各スニペットが教えている内容を確かめる。
"""


def test_simple_net_parameter_count(snippet):
    ns = snippet("practice/pytorch_intro/modules/simple_net")
    assert ns["n_params"] == 118_282
    assert ns["output"].shape == (32, 10)
