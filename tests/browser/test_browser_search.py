"""日本語の検索: 単語でも、読者が打つ複合語でも、目的のページが見つかる。

Sphinx は検索窓の語を分かち書きしないので、「勾配を計算」はそのままでは
1 語として探され、何も見つからない。docs/_static/ja_search.js がそれを
索引の語に分ける。このテストはその働きを確かめる。
"""

from urllib.parse import quote

import pytest
from browser.helpers import page_title, site_pages

# (検索語, 題名にこれらのどれかを含むページが上位に出ること)
CASES = [
    ("勾配", ("勾配", "自動微分", "Autograd")),
    ("テンソル", ("テンソル", "Tensor")),
    ("スケジューラ", ("スケジューラ",)),
    ("勾配を計算", ("勾配", "自動微分", "Autograd")),
    ("学習率スケジューラ", ("スケジューラ",)),
    ("損失関数の選び方", ("損失関数",)),
]
TOP = 3  # 上位何件までに目的のページがあればよいか


def wait_for_search(page) -> None:
    """検索が終わる(結果の要約が書かれる)まで待つ。"""
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')"
        "?.textContent.trim().length > 0",
        timeout=15000,
    )


def search(visit, query: str) -> list[tuple[str, str]]:
    """検索ページで検索し、(題名, URL) の一覧を上から順に返す。"""
    v = visit()
    page = v.goto(f"search.html?q={quote(query)}")
    wait_for_search(page)
    assert not v.errors, v.errors
    results = page.eval_on_selector_all(
        "#search-results ul.search > li > a",
        "els => els.map(a => [a.textContent.trim(), a.getAttribute('href')])",
    )
    return [(title, href) for title, href in results]


@pytest.mark.parametrize(
    ("query", "title_words"), CASES, ids=[q for q, _ in CASES]
)
def test_japanese_query_finds_page(visit, site, query, title_words):
    expected = [
        p for p in site_pages() if any(w in page_title(p) for w in title_words)
    ]
    if not expected:
        pytest.skip(
            f"題名に {'/'.join(title_words)} を含むページがまだありません"
        )
    results = search(visit, query)
    top = results[:TOP]
    assert any(any(w in title for w in title_words) for title, _ in top), (
        f"「{query}」の上位 {TOP} 件に目的のページがありません: {results}"
    )


def test_query_is_split_into_index_terms(visit, site):
    """複合語が索引の語に分かれること(分かち書きそのものの確認)。"""
    v = visit()
    page = v.goto("search.html?q=" + quote("勾配を計算"))
    wait_for_search(page)
    terms = page.evaluate("() => splitQuery('勾配を計算')")
    assert terms == ["勾配", "計算"]
    assert page.evaluate("() => splitQuery('PyTorchのテンソル')") == [
        "PyTorch",
        "テンソル",
    ]
