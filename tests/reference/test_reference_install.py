"""リファレンス「インストール」。"""

import torch


def test_check_install(snippet, capsys):
    snippet("reference/install/check_install")
    out = capsys.readouterr().out
    assert torch.__version__ in out
