"""すべてのスニペットが、警告(非推奨)なしに最後まで実行できること。"""

import pytest
from snippet_runner import snippet_files, snippet_id

FILES = snippet_files()


@pytest.mark.parametrize("path", FILES, ids=[snippet_id(p) for p in FILES])
def test_snippet_runs(snippet, path):
    namespace = snippet(snippet_id(path))
    assert namespace["__file__"] == str(path)


def test_snippets_exist():
    assert len(FILES) >= 5
