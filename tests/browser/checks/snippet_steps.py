"""長いプログラムの 1 区間({snippet-part})は単独では動かないので、
コピーボタンを付けない。同じページに、コピーできる全体のコードがある。
"""

from browser.checks import path_of

MODES = {"desktop-light"}
_seen = [0]


def check(page, url, mode):
    rel = path_of(url)
    steps = page.locator("div.snippet-step")
    if not steps.count():
        return []
    _seen[0] += 1
    page.wait_for_selector("button.copybtn", state="attached")
    problems = []
    if steps.locator("button.copybtn").count():
        problems.append(f"{rel}: 区間にコピーボタンがある")
    if not page.locator("div.cell_input button.copybtn").count():
        problems.append(f"{rel}: 全体のコードがコピーできない")
    return problems


def finish():
    if _seen[0]:
        return []
    return ["区間({snippet-part})を載せたページがありません"]
