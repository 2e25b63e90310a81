"""数式: 同梱の MathJax で描かれ、エラーがない(CDN は使わない)。"""

from browser.checks import path_of

MODES = {"desktop-light"}

RENDERED = """() => [...document.querySelectorAll('.math')]
  .every(el => el.querySelector('mjx-container'))
  && [...document.querySelectorAll('mjx-container')]
  .every(el => el.getBoundingClientRect().width > 0)"""


def check(page, url, mode):
    rel = path_of(url)
    if not page.locator(".math").count():
        return []
    problems = []
    if not page.evaluate(RENDERED):
        problems.append(f"{rel}: 描かれていない数式がある")
    if page.locator("mjx-merror, merror").count():
        problems.append(f"{rel}: 数式のエラー")
    return problems
