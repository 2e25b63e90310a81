"""アクセシビリティ: axe-core が、どのページにも serious・critical の違反を
見つけない(ライトとダークの両方)。

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
# 違反の数(規則ごと、表示ごと)。conftest などが集計を示すのに使える
COUNTS: dict[tuple[str, str], int] = {}

RUN = """async () => {
  const r = await axe.run(document, { resultTypes: ['violations'] });
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
    for v in page.evaluate(RUN):
        if v["impact"] not in IMPACTS:
            continue
        key = (mode, v["id"])
        COUNTS[key] = COUNTS.get(key, 0) + len(v["targets"])
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
