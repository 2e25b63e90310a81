"""ブラウザテストの補助: サイトの場所と、どのページに何があるかの走査。"""

import functools
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("DOCS_BUILDDIR", ROOT / "_build"))
SITE = BUILD / "html"
SCREENSHOTS = BUILD / "screenshots"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# サイトの HTML のうち、読者が読むページでないもの
NOT_PAGES = {"genindex.html", "search.html", "404.html"}


def unavailable(reason: str):
    """手元では skip、CI では失敗にする。"""
    if IN_CI:
        pytest.fail(f"CI ではブラウザテストを省略できません: {reason}")
    pytest.skip(reason)


def find_chromium() -> str | None:
    for cand in (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if cand and Path(cand).is_file():
            return cand
    return None


# ---------------------------------------------------------------------------
# サイトの HTML を読む(どのページに何があるか)
# ---------------------------------------------------------------------------
class _PageScan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.classes: list[str] = []
        self.attrs: list[dict] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        a["_tag"] = tag
        self.attrs.append(a)
        self.classes.extend((a.get("class") or "").split())
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@functools.cache
def scan(rel: str) -> _PageScan:
    p = _PageScan()
    p.feed((SITE / rel).read_text(encoding="utf-8"))
    return p


def site_pages() -> list[str]:
    """読者が読むすべてのページ(``_build/html`` からの相対パス)。"""
    return sorted(
        p.relative_to(SITE).as_posix()
        for p in SITE.rglob("*.html")
        if not p.relative_to(SITE).parts[0].startswith("_")
        and p.relative_to(SITE).as_posix() not in NOT_PAGES
    )


def page_title(rel: str) -> str:
    """<title> から「 — サイト名」を除いたページの題名。"""
    return re.split(r"\s+[—|–-]\s+", scan(rel).title.strip())[0]


def pages_with_class(cls: str) -> list[str]:
    return [p for p in site_pages() if cls in scan(p).classes]


def framework_tab_sets(rel: str) -> int:
    """ページにある、framework で同期するタブセットの数。"""
    return sum(
        1
        for a in scan(rel).attrs
        if a.get("data-sync-group") == "framework"
        and a.get("data-sync-id") == "pytorch"
    )


# ---------------------------------------------------------------------------
# 表示の 4 つの場合(全ページの巡回 test_crawl.py と checks/ が使う)
# ---------------------------------------------------------------------------
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
}
MODE_OPTIONS = {
    "desktop-light": {**DESKTOP, "color_scheme": "light"},
    "desktop-dark": {**DESKTOP, "color_scheme": "dark"},
    "phone-light": {**PHONE, "color_scheme": "light"},
    "phone-dark": {**PHONE, "color_scheme": "dark"},
}


def crawl_pages() -> list[str]:
    """巡回するすべての HTML(読者のページに、索引・検索・404 を加えたもの)。"""
    return sorted(
        p.relative_to(SITE).as_posix()
        for p in SITE.rglob("*.html")
        if not p.relative_to(SITE).parts[0].startswith("_")
    )
