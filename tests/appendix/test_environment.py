"""docs/appendix/environment.md のテスト。

付録「検証環境」: 表示するバージョンが実際の環境と一致すること。
"""

from importlib import metadata

import torch


def test_versions_match_installed(snippet):
    out = snippet.stdout("appendix/environment/versions")
    assert f"torch         : {torch.__version__}" in out
    assert f"keras         : {metadata.version('keras')}" in out
    assert f"CUDA 利用可 : {torch.cuda.is_available()}" in out
