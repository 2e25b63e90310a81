"""図: どの図にも、何を示すかを言う代替テキストと、見出し(キャプション)がある。

- 本文の画像(``img``): ``alt`` が空でなく、ファイル名やパスでもない。
  ``figure`` の中にあり、``figcaption`` に文字がある。
- mermaid の図(SVG): 支援技術に伝わる名前(``aria-label``)があり、
  ``figure`` の中にあって ``figcaption`` に文字がある。
"""

from browser.checks import path_of

MODES = {"desktop-light"}
_seen = [0]

FIGURES = r"""() => {
  const out = [];
  const caption = (el) => {
    const fig = el.closest('figure');
    if (!fig) return 'figure の中にない';
    const cap = fig.querySelector('figcaption');
    if (!cap || !cap.textContent.trim()) return 'キャプションがない';
    return null;
  };
  const pathLike = (s) => /[\\/]|\.(png|jpe?g|gif|svg|webp)$/i.test(s);
  for (const img of document.querySelectorAll('.bd-article img')) {
    const alt = (img.getAttribute('alt') || '').trim();
    const name = img.getAttribute('src').split('/').pop();
    const bad = [];
    if (!alt) bad.push('alt がない');
    else if (pathLike(alt)) bad.push(`alt がファイルのパス(${alt})`);
    const c = caption(img);
    if (c) bad.push(c);
    out.push(['画像 ' + name, bad]);
  }
  const diagrams = document.querySelectorAll(
    '.mermaid-diagram, pre.mermaid');
  diagrams.forEach((d, i) => {
    const bad = [];
    for (const svg of d.querySelectorAll('svg')) {
      if (svg.parentElement.closest('svg')) continue;
      const label = (svg.getAttribute('aria-label') || '').trim();
      const role = svg.getAttribute('role') || '';
      if (!label) bad.push('SVG に aria-label がない');
      else if (!/\bimg\b/.test(role)) {
        bad.push(`SVG の role が img でない(${role})`);
      }
    }
    const c = caption(d);
    if (c) bad.push(c);
    out.push([`mermaid の図 ${i + 1}`, bad]);
  });
  return out;
}"""


def check(page, url, mode):
    rel = path_of(url)
    problems = []
    for what, bad in page.evaluate(FIGURES):
        _seen[0] += 1
        problems.extend(f"{rel}: {what}: {b}" for b in sorted(set(bad)))
    return problems


def finish():
    return [] if _seen[0] else ["図のあるページを 1 つも確かめていない"]
