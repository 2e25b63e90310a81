"""見た目の確認用のスクリーンショットを _build/screenshots/ に保存する。

トップページ、PyTorch/Keras のタブのあるページ、図のあるページ、mermaid の
図のあるページを、明るい表示と暗い表示、幅 375px で撮る。
"""

from browser.helpers import (
    SCREENSHOTS,
    framework_tab_sets,
    pages_with_class,
    scan,
    site_pages,
)


def _first(pages, what):
    assert pages, f"{what}のページがありません"
    return pages[0]


def test_save_screenshots(visit, site):
    figure_pages = [
        p
        for p in pages_with_class("cell_output")
        if any(a["_tag"] == "img" for a in scan(p).attrs)
    ]
    targets = {
        "index": "index.html",
        "tabs": _first(
            [p for p in site_pages() if framework_tab_sets(p) >= 1], "タブ"
        ),
        "figure": _first(figure_pages, "図"),
        "mermaid": _first(pages_with_class("mermaid-diagram"), "mermaid"),
    }
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    modes = {
        "light": visit(viewport={"width": 1280, "height": 900}),
        "dark": visit(
            viewport={"width": 1280, "height": 900}, color_scheme="dark"
        ),
        "mobile": visit(
            viewport={"width": 375, "height": 800}, is_mobile=True
        ),
    }
    saved = []
    for mode, v in modes.items():
        for name, rel in targets.items():
            page = v.goto(rel, wait="networkidle")
            if name == "mermaid":
                # ライト用とダーク用のうち、今のテーマで見えている方
                page.wait_for_selector(".mermaid-diagram svg >> visible=true")
            path = SCREENSHOTS / f"{name}-{mode}.png"
            page.screenshot(path=path, full_page=True)
            saved.append(path)
    assert all(p.stat().st_size > 10_000 for p in saved)
