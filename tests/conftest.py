"""スニペットを実行して、その名前空間を返すフィクスチャ。

各スニペットはテストのセッション中に 1 回だけ(一時ディレクトリで)実行され、
結果の名前空間はキャッシュされる。「全スニペットが動く」テストと、内容を
確かめる個別のテストが同じ実行結果を共有する。
"""

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from snippet_runner import SnippetRunner  # noqa: E402


@pytest.fixture(scope="session")
def snippet(tmp_path_factory) -> SnippetRunner:
    """スニペットを実行し、その名前空間(グローバル変数の dict)を返す。"""
    return SnippetRunner(tmp_path_factory.mktemp("snippets-cwd"))
