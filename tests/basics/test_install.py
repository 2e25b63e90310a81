"""docs/basics/install.md のテスト。

PyTorch の基本 2「インストール」: 確認用スニペットの値が本物であること。
"""

import sys

import torch


def test_install_check_reports_this_build(snippet):
    ns = snippet("basics/install/install_check")
    assert ns["cuda_ok"] == torch.cuda.is_available()
    assert ns["torch"].__version__ == torch.__version__


def test_site_needs_python_311(snippet):
    ns = snippet("basics/install/python_requirements")
    assert ns["requirements"]["keras"] == ">=3.11"
    assert sys.version_info >= (3, 11)
