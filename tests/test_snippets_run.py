"""すべてのスニペットが、警告(非推奨)なしに最後まで実行できること。"""

import pytest

from snippet_pipeline.markers import all_snippets

SNIPPETS = [s for s in all_snippets() if s.helper_of is None]


@pytest.mark.parametrize("snippet_file", SNIPPETS, ids=lambda s: s.id)
def test_snippet_runs(snippet, snippet_file):
    namespace = snippet(snippet_file.id)
    assert namespace["__file__"] == str(snippet_file.path)


def test_snippets_exist():
    assert len(SNIPPETS) >= 5
