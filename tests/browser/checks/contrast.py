"""コードの色と図(mermaid)の文字が、ライトでもダークでも 4.5:1 以上の
コントラストで読める。

- コード: ``div.highlight`` の中の、見えているすべての字句(pygments の色)。
- 図: 見えている図の SVG の、すべてのラベル。ラベルの地は、そのノードの
  図形の塗り(なければ図の外の背景)。図に CSS の ``filter`` がかかっている
  と、画面の色が計算した色と変わるので、それも問題とする。
"""

from browser.checks import path_of
from browser.checks._color import COLOR_JS

MODES = {"desktop-light", "desktop-dark"}
MINIMUM = 4.5
_seen = {"コード": 0, "図": 0}

DIAGRAMS = ".mermaid-diagram svg, pre.mermaid svg"

MEASURE = """([selector, hidden]) => {
  const found = [];
  for (const root of document.querySelectorAll(selector)) {
    if (!hidden && !window.__contrast.visible(root)) continue;
    found.push(...window.__contrast.measure(root, hidden));
  }
  return found;
}"""


def check(page, url, mode):
    rel = path_of(url)
    page.evaluate(COLOR_JS)
    problems = []
    # コードは、閉じたドロップダウンや選ばれていないタブの中も測る。図は、
    # 今のテーマで見えている方だけ(もう一方のテーマの図は隠してある)
    for what, selector, hidden in [
        ("コード", "div.highlight pre", True),
        ("図", DIAGRAMS, False),
    ]:
        found = page.evaluate(MEASURE, [selector, hidden])
        if found:
            _seen[what] += 1
        for ratio, text, fg, bg, filt in found:
            if filt:
                problems.append(
                    f"{rel} ({mode}): {what}「{text}」に CSS の filter"
                    f"({filt})がかかっている(色を確かめられない)"
                )
            elif ratio < MINIMUM:
                problems.append(
                    f"{rel} ({mode}): {what}「{text}」のコントラストが "
                    f"{ratio:.2f}:1(文字 rgb({fg})、地 rgb({bg}))"
                )
    # 同じ字句の色の問題は多数のページに出るので、文字と色でまとめる
    return _dedupe(problems)


_reported: set[str] = set()


def _dedupe(problems):
    out = []
    for p in problems:
        key = p.split(": ", 1)[1] if ": " in p else p
        if key in _reported:
            continue
        _reported.add(key)
        out.append(p)
    return out


def finish():
    return [
        f"{what}のあるページを 1 つも確かめていない"
        for what, n in _seen.items()
        if not n
    ]
