"""mermaid: すべての図が SVG として描かれ、エラー表示がない。"""

from browser.checks import path_of

MODES = {"desktop-light"}
_seen = [0]

RENDERED = """() => [...document.querySelectorAll('pre.mermaid')].map(el => {
  const svg = el.querySelector('svg');
  if (!svg) return 'SVG がない';
  const text = el.textContent;
  if (/syntax error|error in text|parse error/i.test(text)) return text;
  if (svg.getBBox().width < 10) return '空の SVG';
  const labels = [...svg.querySelectorAll('text, foreignObject')]
    .map(t => t.textContent.trim()).filter(Boolean);
  return labels.length ? 'ok' : 'ラベルがない';
})"""


def check(page, url, mode):
    rel = path_of(url)
    if not page.locator("pre.mermaid").count():
        return []
    _seen[0] += 1
    problems = [
        f"{rel}: mermaid の図 {i}: {s}"
        for i, s in enumerate(page.evaluate(RENDERED))
        if s != "ok"
    ]
    # mermaid はエラー時に本文の末尾へエラー図を足すことがある
    if page.locator("[id^='dmermaid']").count():
        problems.append(f"{rel}: mermaid のエラー図がある")
    return problems


def finish():
    return [] if _seen[0] else ["mermaid の図がサイトにありません"]
