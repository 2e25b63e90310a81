"""目次へ行ける: 幅 375px では ☰ でサイトの目次、ページの目次のボタンで
そのページの目次が開く。デスクトップでは ☰ でサイドバーを畳み、また開く。
"""

from browser.checks import is_reader_page, path_of

MODES = {"desktop-light", "phone-light"}

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
    try:
        page.wait_for_timeout(100)
        n = page.evaluate(VISIBLE_LINKS, [dialog, links])
        if n < minimum:
            return [f"{rel}: {what}を開いたが、見えるリンクが {n} 個"]
        return []
    finally:
        page.keyboard.press("Escape")
        if page.evaluate(OPEN, dialog):
            page.evaluate("id => document.getElementById(id).close()", dialog)


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
    sidebar = page.locator("#pst-primary-sidebar")
    if not sidebar.count() or not page.evaluate(SIDEBAR_SHOWN):
        return [f"{rel}: デスクトップでサイドバーが見えない"]
    button = page.locator(".primary-toggle:visible")
    if not button.count():
        return [f"{rel}: デスクトップでサイドバーを畳むボタンが見えない"]
    problems = []
    for state, wanted in (("畳めない", False), ("開き直せない", True)):
        button.first.click()
        try:
            page.wait_for_function(
                f"() => ({SIDEBAR_SHOWN})() === {str(wanted).lower()}",
                timeout=3000,
            )
        except Exception:
            problems.append(f"{rel}: デスクトップでサイドバーを{state}")
            break
    if page.locator("dialog[open]").count():
        problems.append(f"{rel}: デスクトップで ☰ がダイアログを開いた")
        page.keyboard.press("Escape")
    return problems


def check(page, url, mode):
    if not is_reader_page(url):
        return []
    rel = path_of(url)
    if mode.startswith("phone"):
        return _phone(page, rel)
    return _desktop(page, rel)
