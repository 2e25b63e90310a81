"""見出し・表のセル・図のラベル・目次の項目は、文節の切れ目で折り返す。

ページの言語が日本語(``<html lang="ja">``)で、見出し・表のセル・mermaid の
図のラベルに ``word-break: auto-phrase`` が効いている(Chromium は lang="ja"
の文を文節で折り返す)。「実/践ガイド」のような語の途中の改行を防ぐ。
"""

from browser.checks import path_of

MODES = {"desktop-light", "phone-light"}

SELECTORS = (
    "article h1, article h2, article h3, article h4, "
    "article th, article td, .bd-sidebar-primary .navbar-brand, "
    ".bd-docs-nav a, nav.page-toc a, "
    ".mermaid-diagram .nodeLabel, .mermaid-diagram .edgeLabel, "
    ".mermaid-diagram .label, article .admonition-title"
)

SCAN = """(selectors) => {
  const bad = [];
  if (document.documentElement.lang !== 'ja')
    bad.push(`html の lang が "${document.documentElement.lang}"`);
  const seen = new Set();
  for (const el of document.querySelectorAll(selectors)) {
    if (!el.textContent.trim()) continue;
    const wb = getComputedStyle(el).wordBreak;
    const key = el.tagName + '.' + el.className + ' ' + wb;
    if (wb !== 'auto-phrase' && !seen.has(key)) {
      seen.add(key);
      bad.push(`${el.tagName.toLowerCase()}「${el.textContent.trim()
        .slice(0, 20)}」の word-break が ${wb}`);
    }
  }
  return bad;
}"""


def check(page, url, mode):
    rel = path_of(url)
    return [f"{rel}: {b}" for b in page.evaluate(SCAN, SELECTORS)]
