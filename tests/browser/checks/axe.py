"""アクセシビリティ: axe-core が、どのページにも serious・critical の違反を
見つけない(ライトとダークの両方)。

ライトではすべての規則を調べる。ダークで結果が変わりうるのは色だけなので
(テーマは色を変えるだけで、文書の構造・名前・属性は同じ)、ダークでは
色のコントラストの規則(``DARK_RULES``)だけを調べる。巡回の時間を
半分近くに減らす(tests/browser/test_crawl.py)。

axe-core は npm の axe-core を tests/browser/vendor/axe-core/ に同梱したもの
(版は同じ場所の VERSION)。ページに読み込んで ``axe.run`` を呼ぶ。
"""

from pathlib import Path

from browser.checks import path_of

MODES = {"desktop-light", "desktop-dark"}
AXE = (
    Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
)
IMPACTS = ("serious", "critical")
# 違反の数((表示, 規則, 影響) ごと。moderate・minor も数える)。
# conftest が巡回の終わりに示す
COUNTS: dict[tuple[str, str, str], int] = {}

# ダークで調べる規則: テーマの色で結果が変わるもの
DARK_RULES = ["color-contrast", "link-in-text-block"]

RUN = """async (rules) => {
  const options = { resultTypes: ['violations'] };
  if (rules) options.runOnly = { type: 'rule', values: rules };
  const r = await axe.run(document, options);
  return r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
  }));
}"""


def check(page, url, mode):
    rel = path_of(url)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    problems = []
    rules = DARK_RULES if mode.endswith("dark") else None
    for v in page.evaluate(RUN, rules):
        key = (mode, v["id"], v["impact"])
        COUNTS[key] = COUNTS.get(key, 0) + len(v["targets"])
        if v["impact"] not in IMPACTS:
            continue
        where = "、".join(v["targets"][:3])
        more = (
            f" ほか {len(v['targets']) - 3} か所"
            if len(v["targets"]) > 3
            else ""
        )
        problems.append(
            f"{rel} ({mode}): axe {v['id']}({v['impact']}): {v['help']}"
            f" — {where}{more}"
        )
    return problems
