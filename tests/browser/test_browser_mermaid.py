"""mermaid: すべての図が SVG として描かれ、エラー表示がない。"""

from browser.helpers import pages_with_class

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


def test_every_mermaid_diagram_renders(visit, site):
    pages = pages_with_class("mermaid")
    assert pages, "mermaid の図がサイトにありません"
    v = visit()
    for rel in pages:
        page = v.goto(rel)
        page.wait_for_function(
            "() => [...document.querySelectorAll('pre.mermaid')]"
            ".every(el => el.querySelector('svg'))",
            timeout=20000,
        )
        states = page.evaluate(RENDERED)
        assert states and all(s == "ok" for s in states), (rel, states)
        # mermaid はエラー時に本文の末尾へエラー図を足すことがある
        assert page.locator("[id^='dmermaid']").count() == 0, rel
    assert not v.errors, v.errors
