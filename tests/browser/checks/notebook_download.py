"""実行したページは .ipynb で保存できる(メニューに見え、正しい
ノートブック)。"""

import nbformat
from browser.checks import path_of

MODES = {"desktop-light"}


def check(page, url, mode):
    rel = path_of(url)
    if not page.locator(".cell").count():
        return []
    toggle = page.locator(".dropdown-download-buttons button.dropdown-toggle")
    if not toggle.count():
        return [f"{rel}: ダウンロードのメニューがない"]
    toggle.click()
    try:
        link = page.locator(
            ".dropdown-download-buttons a.dropdown-item[href$='.ipynb']"
        )
        if not link.is_visible():
            return [f"{rel}: .ipynb のダウンロードが見えない"]
        resp = page.request.get(link.evaluate("a => a.href"))
    finally:
        page.keyboard.press("Escape")
    if not resp.ok:
        return [f"{rel}: .ipynb を取得できない({resp.status})"]
    nb = nbformat.reads(resp.text(), as_version=4)
    nbformat.validate(nb)
    if not any(c.cell_type == "code" for c in nb.cells):
        return [f"{rel}: .ipynb にコードのセルがない"]
    return []
