"""目次へ行ける: 幅 375px では ☰ でサイトの目次、ページの目次のボタンで
そのページの目次が開く。デスクトップでは ☰ でサイドバーを畳み、また開く。

確かめるのは、テーマのヘッダーとサイドバー(すべてのページに共通の部品)で、
ページの本文ではない。そこで、ページの作りの種類ごとに 1 ページだけを
操作する: ページの目次(右のサイドバー)のあるページとないページ、それぞれ
サイトの根(index.html)とその下の階層。ページを操作するクリックと待ちは
1 ページに数秒かかり、全ページで行うと巡回の時間の大きな部分を占める
(tests/browser/test_crawl.py)。ほかの確認は、今までどおり全ページを見る。
"""

import os

from browser.checks import is_reader_page, path_of
from browser.helpers import scan

MODES = {"desktop-light", "phone-light"}
LAST = True  # ダイアログを開き、サイドバーを畳む(元に戻さない)

# 開いたダイアログの中の、画面に見えているリンクの数
VISIBLE_LINKS = """([id, sel]) => {
  const d = document.getElementById(id);
  if (!d || !d.open) return -1;
  return [...d.querySelectorAll(sel)].filter(a => {
    const r = a.getBoundingClientRect();
    const s = getComputedStyle(a);
    return r.width > 0 && r.height > 0 && r.bottom > 0
      && r.top < window.innerHeight && s.visibility !== 'hidden';
  }).length;
}"""
OPEN = "id => document.getElementById(id)?.open === true"


def _open_dialog(page, rel, toggle, dialog, links, what, minimum):
    buttons = page.locator(f"{toggle}:visible")
    if not buttons.count():
        return [f"{rel}: {what}のボタンが見えない"]
    buttons.first.click()
    try:
        page.wait_for_function(OPEN, arg=dialog, timeout=3000)
    except Exception:
        return [f"{rel}: {what}のボタンを押しても何も開かない"]
    n = page.evaluate(VISIBLE_LINKS, [dialog, links])
    # 閉じる(Escape で閉じることも確かめる)
    page.keyboard.press("Escape")
    problems = []
    if n < minimum:
        problems.append(f"{rel}: {what}を開いたが、見えるリンクが {n} 個")
    if page.evaluate(OPEN, dialog):
        problems.append(f"{rel}: {what}が Escape で閉じない")
    return problems


def _phone(page, rel):
    problems = _open_dialog(
        page,
        rel,
        ".primary-toggle",
        "pst-primary-sidebar-modal",
        "nav.bd-docs-nav a",
        "サイトの目次(☰)",
        3,
    )
    has_toc = page.locator("#pst-secondary-sidebar nav.page-toc a").count()
    if has_toc:
        problems += _open_dialog(
            page,
            rel,
            ".secondary-toggle",
            "pst-secondary-sidebar-modal",
            "nav.page-toc a[href^='#']",
            "ページの目次",
            1,
        )
    return problems


SIDEBAR_SHOWN = """() => {
  const s = document.getElementById('pst-primary-sidebar');
  const r = s.getBoundingClientRect();
  return getComputedStyle(s).visibility !== 'hidden' && r.right > 10;
}"""


def _desktop(page, rel):
    if not page.locator("#pst-primary-sidebar").count():
        return [f"{rel}: デスクトップでサイドバーがない"]
    try:  # 前の確認が画面の幅を変えていれば、戻るまで待つ
        page.wait_for_function(SIDEBAR_SHOWN, timeout=3000)
    except Exception:
        return [f"{rel}: デスクトップでサイドバーが見えない"]
    button = page.locator(".primary-toggle:visible")
    if not button.count():
        return [f"{rel}: デスクトップでサイドバーを畳むボタンが見えない"]
    problems = []
    button.first.click()
    try:
        page.wait_for_function(f"() => !({SIDEBAR_SHOWN})()", timeout=3000)
    except Exception:
        problems.append(f"{rel}: デスクトップでサイドバーを畳めない")
    if page.locator("dialog[open]").count():
        problems.append(f"{rel}: デスクトップで ☰ がダイアログを開いた")
    return problems


# 表示ごとに、操作したページの作りの種類 → そのページ
_done: dict[tuple[str, tuple[bool, bool]], str] = {}


def kind(rel: str) -> tuple[bool, bool]:
    """ページの作りの種類: (ページの目次があるか, サイトの根より下か)。"""
    return ("page-toc" in scan(rel).classes, "/" in rel)


def check(page, url, mode):
    if not is_reader_page(url):
        return []
    rel = path_of(url)
    if (mode, kind(rel)) in _done:
        return []
    _done[mode, kind(rel)] = rel
    if mode.startswith("phone"):
        return _phone(page, rel)
    return _desktop(page, rel)


def finish():
    if os.environ.get("CRAWL_PAGES"):
        return []
    tried = {k for _, k in _done}
    return [
        f"ページの目次の{'ある' if toc else 'ない'}ページを操作していない"
        for toc in (True, False)
        if not any(t == toc for t, _ in tried)
    ]
