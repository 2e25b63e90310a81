"""docs/reference/install.md のテスト。

リファレンス「インストール」。
"""

import torch


def test_check_install(snippet):
    out = snippet.stdout("reference/install/check_install")
    assert torch.__version__ in out
