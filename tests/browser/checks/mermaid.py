"""mermaid: すべての図が、ビルド時に描いた SVG としてページにあり、読者の
ブラウザは mermaid を読み込まない(オフラインでも図が見える)。

図ごとに、ライト用とダーク用の SVG があり、今のテーマに合う方だけが
見えている。見えている SVG には大きさとラベルの文字があり、mermaid の
エラー表示がない。
"""

from browser.checks import path_of

MODES = {"desktop-light", "desktop-dark"}
_seen = [0]

DIAGRAMS = """() => [...document.querySelectorAll(
    '.mermaid-diagram, pre.mermaid')].map(d => {
  if (d.matches('pre.mermaid')) {
    return 'ブラウザで描く mermaid の図(pre.mermaid)';
  }
  const shown = [...d.children].filter(c => c.checkVisibility());
  const themes = [...d.children].map(c => c.className).sort().join(' ');
  if (themes !== 'only-dark only-light') {
    return `テーマ別の SVG がない(${themes})`;
  }
  if (shown.length !== 1) return `見えている SVG が ${shown.length} 枚`;
  const svg = shown[0].querySelector('svg');
  if (!svg) return 'SVG がない';
  if (/syntax error|error in text|parse error/i.test(svg.textContent))
    return 'mermaid のエラー表示';
  const box = svg.getBoundingClientRect();
  if (box.width < 10 || box.height < 10) return '空の SVG';
  const labels = [...svg.querySelectorAll('text, foreignObject')]
    .map(t => t.textContent.trim()).filter(Boolean);
  return labels.length ? 'ok' : 'ラベルがない';
})"""
LOADED = """() => performance.getEntriesByType('resource')
  .map(r => r.name).filter(n => /mermaid[^/]*\\.js/.test(n))"""


def check(page, url, mode):
    rel = path_of(url)
    problems = [
        f"{rel}: mermaid を読み込んでいる: {n}" for n in page.evaluate(LOADED)
    ]
    states = page.evaluate(DIAGRAMS)
    _seen[0] += len(states)
    problems += [
        f"{rel} ({mode}): mermaid の図 {i + 1}: {s}"
        for i, s in enumerate(states)
        if s != "ok"
    ]
    return problems


def finish():
    return [] if _seen[0] else ["mermaid の図がサイトにありません"]
