"""サイトの構成の検査: どの本文ページも同じ形で始まり、題が重ならない。

本文ページ(章)は、4 つの部(``basics``・``reference``・``practice``・
``roadmap``)の下のページのうち、目次だけのページ(``index.md``)を除いた
もの。トップページ・付録(用語集、実行環境、ビルドの記録など、章として
読むものではない)・404 は本文ページではない。
"""

import re
from pathlib import Path

import pytest

from snippet_pipeline.markers import ROOT

DOCS = ROOT / "docs"
PARTS = ("basics", "reference", "practice", "roadmap")
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_static" not in p.parts)
CONTENT_PAGES = [
    p
    for p in PAGES
    if p.relative_to(DOCS).parts[0] in PARTS and p.name != "index.md"
]

# 見出しの直後の 2 つの囲み(MyST の ::: または ``` の admonition)
_ADMONITION = re.compile(r"^(:{3,}|`{3,})\{admonition\}\s*(?P<title>.+)$")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def opening(text: str) -> list[str]:
    """最初の見出しの後、本文が始まるまでに並ぶ囲みの題。"""
    titles: list[str] = []
    fence = None
    for line in text.splitlines()[1:]:
        if fence:
            if line.strip() == fence:
                fence = None
            continue
        if not line.strip():
            continue
        m = _ADMONITION.match(line.strip())
        if not m:
            break
        titles.append(m["title"].strip())
        fence = m.group(1)
    return titles


def test_content_pages_found():
    assert len(CONTENT_PAGES) > 40


@pytest.mark.parametrize("page", CONTENT_PAGES, ids=_rel)
def test_page_opens_with_goals_and_prerequisites(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# "), f"{_rel(page)}: 最初の行が見出しではない"
    assert opening(text)[:2] == ["この章で学ぶこと", "前提"], (
        f"{_rel(page)}: 見出しの直後に「この章で学ぶこと」と「前提」の囲みを"
        f"置く(いまは {opening(text)[:2]})"
    )
