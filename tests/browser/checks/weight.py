"""重さ: どのページも、初めて開いたときに読み込む量が予算の内にある。

- 図(mermaid の図と、コードの出力の図)も数式もないページは 800 KB まで、
  どのページも 1.5 MB まで(HTML・CSS・JS・フォント・画像の、圧縮しない
  大きさの合計)。
- 1 ページしか使わないものを、すべてのページで読み込まない: 検索の索引
  (このサイトの ja_search_index.js と searchtools.js)は検索のページ
  (search.html)だけ。Sphinx の searchindex.js はどこでも読み込まない。
  mermaid(5.5 MB)と fontawesome.js(1.5 MB)、アイコンの Web フォントは
  どのページも読み込まない。

Resource Timing の ``decodedBodySize``(圧縮を解いた大きさ)を足す
(Chromium はキャッシュから読んだものにも大きさを示すので、巡回で前のページが
読んだものも数える)。数式は MathJax が描き終わる
まで、フォントは読み込み終わるまで待つ(遅れて読み込む分も数える)。
"""

from urllib.parse import urlsplit

from browser.checks import path_of

MODES = {"desktop-light"}
PLAIN_BUDGET = 800 * 1024
ANY_BUDGET = 1536 * 1024
# 読み込んではならないもの(ファイル名 → 読み込んでよいページ)
ONLY_ON = {
    "searchindex.js": set(),  # 検索は ja_search_index.js だけを使う
    "searchtools.js": {"search.html"},
    "mermaid.min.js": set(),
    "fontawesome.js": set(),
    # アイコンはビルドが書く小さな CSS で描く(snippet_pipeline.icons)
    "fa-solid-900.woff2": set(),
    "fa-regular-400.woff2": set(),
    "fa-brands-400.woff2": set(),
}
# ページ → 読み込んだ量(バイト)。重いページの報告に使う
WEIGHTS: dict[str, int] = {}

SETTLE = """async () => {
  await document.fonts.ready;
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  await new Promise(r => setTimeout(r, 50));
  await document.fonts.ready;
}"""
ENTRIES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return [[nav.name, nav.decodedBodySize],
          ...res.map(r => [r.name, r.decodedBodySize])];
}"""
HAS_HEAVY = """() => !!document.querySelector(
  '.mermaid-diagram, pre.mermaid, .math, mjx-container, .bd-article img')"""


def check(page, url, mode):
    rel = path_of(url)
    page.evaluate(SETTLE)
    entries = page.evaluate(ENTRIES)
    heavy = page.evaluate(HAS_HEAVY)
    total = sum(size for _, size in entries)
    WEIGHTS[rel] = total
    problems = []
    budget = ANY_BUDGET if heavy else PLAIN_BUDGET
    if total > budget:
        biggest = sorted(entries, key=lambda e: -e[1])[:3]
        listed = "、".join(
            f"{path_of(name).split('?')[0]} {size / 1024:.0f} KB"
            for name, size in biggest
        )
        kind = "図か数式のある" if heavy else "図も数式もない"
        problems.append(
            f"{rel}: {kind}ページが {total / 1024:.0f} KB"
            f"(予算 {budget / 1024:.0f} KB)。大きいもの: {listed}"
        )
    for name, _ in entries:
        file = urlsplit(name).path.rsplit("/", 1)[-1]
        if file in ONLY_ON and rel not in ONLY_ON[file]:
            problems.append(f"{rel}: {file} を読み込んでいる")
    return problems
