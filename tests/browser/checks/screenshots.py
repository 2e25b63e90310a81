"""見た目の確認用のスクリーンショットを _build/screenshots/ に保存する。

トップページ、PyTorch/Keras のタブのあるページ、図のあるページ、mermaid の
図のあるページを、明るい表示と暗い表示、幅 375px で撮る(巡回で開いたときに
撮るので、そのためにページを開き直さない)。
"""

import functools

from browser.checks import path_of
from browser.helpers import (
    SCREENSHOTS,
    framework_tab_sets,
    pages_with_class,
    scan,
    site_pages,
)

MODES = {"desktop-light", "desktop-dark", "phone-light"}
SUFFIX = {
    "desktop-light": "light",
    "desktop-dark": "dark",
    "phone-light": "mobile",
}
_saved = []


@functools.cache
def targets() -> dict[str, list[str]]:
    """ページ → 名前(1 つのページが 2 つの役を兼ねることもある)。"""
    figure_pages = [
        p
        for p in pages_with_class("cell_output")
        if any(a["_tag"] == "img" for a in scan(p).attrs)
    ]
    tabs = [p for p in site_pages() if framework_tab_sets(p) >= 1]
    chosen = {
        "index": ["index.html"],
        "tabs": tabs,
        "figure": figure_pages,
        "mermaid": pages_with_class("mermaid-diagram"),
    }
    found: dict[str, list[str]] = {}
    for name, pages in chosen.items():
        if pages:
            found.setdefault(pages[0], []).append(name)
    return found


def check(page, url, mode):
    names = targets().get(path_of(url), [])
    for name in names:
        if name == "mermaid":
            # ライト用とダーク用のうち、今のテーマで見えている方
            page.wait_for_selector(".mermaid-diagram svg >> visible=true")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}-{SUFFIX[mode]}.png"
        page.screenshot(path=path, full_page=True)
        _saved.append(path)
    return []


def finish():
    problems = []
    if sum(map(len, targets().values())) != 4:
        problems.append(f"撮るページがそろわない: {targets()}")
    if len(_saved) != 4 * len(MODES):
        problems.append(f"保存したスクリーンショットが {len(_saved)} 枚")
    problems += [
        f"{p} が小さすぎる" for p in _saved if p.stat().st_size < 10_000
    ]
    return problems
