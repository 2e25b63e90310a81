"""gpu タグのセルには GPU のバッジがあり、ほかのセルにはない。"""

from browser.checks import path_of

MODES = {"desktop-light"}
_seen = [0]


def check(page, url, mode):
    rel = path_of(url)
    problems = []
    cells = page.locator("div.cell.tag_gpu")
    for i in range(cells.count()):
        _seen[0] += 1
        badge = cells.nth(i).locator(".gpu-badge")
        if not badge.is_visible() or "GPU" not in badge.inner_text():
            problems.append(f"{rel}: gpu タグのセル {i} に GPU のバッジがない")
    if page.locator("div.cell:not(.tag_gpu) .gpu-badge").count():
        problems.append(f"{rel}: gpu タグのないセルにバッジがある")
    return problems


def finish():
    return [] if _seen[0] else ["gpu タグのセルがサイトにありません"]
