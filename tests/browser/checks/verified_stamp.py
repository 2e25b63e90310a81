"""実行したページに「実行・検証済み」スタンプがあり、版が正しく、どの幅でも
文字が枠の内側に余白をもって収まる(幅 320・375・768・1280px)。"""

from importlib import metadata

from browser.checks import path_of
from browser.helpers import MODE_OPTIONS

MODES = {"desktop-light", "phone-light"}
DESKTOP_WIDTHS = (1280, 768, 320)  # 今の幅から。phone-light で 375
MIN_INSET = 4  # 文字と枠線の間の最小の余白(px)

# 文字の各行の箱が、枠線の内側に余白をもって収まっているか。角の丸み
# (border-radius)があれば、角で枠線が内側へ入り込む分(r(1-1/√2))も空ける
GEOMETRY = """(minInset) => {
  const el = document.querySelector('div.verified-stamp');
  const box = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const radius = parseFloat(cs.borderTopLeftRadius) || 0;
  const need = Math.max(minInset, radius * (1 - Math.SQRT1_2))
    + parseFloat(cs.borderLeftWidth);
  const range = document.createRange();
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let inset = Infinity;
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    range.selectNodeContents(t);
    for (const r of range.getClientRects()) {
      if (r.width === 0 || r.height === 0) continue;
      inset = Math.min(inset, r.left - box.left, box.right - r.right,
                       r.top - box.top, box.bottom - r.bottom);
    }
  }
  const bad = [];
  if (inset < need - 0.5)
    bad.push(`文字と枠の間が ${inset.toFixed(1)}px(${need.toFixed(1)}px `
             + `以上が必要)`);
  if (box.right > window.innerWidth + 1) bad.push('枠が画面からはみ出す');
  return bad;
}"""


def _expected_versions() -> list[str]:
    return [
        f"torch {metadata.version('torch')}",
        f"TensorFlow {metadata.version('tensorflow-cpu')}",
    ]


def _geometry(page, rel, width) -> list[str]:
    return [
        f"{rel} (幅 {width}px): スタンプの{b}"
        for b in page.evaluate(GEOMETRY, MIN_INSET)
    ]


def check(page, url, mode):
    rel = path_of(url)
    if not page.locator("div.cell").count():
        return []
    stamp = page.locator("div.verified-stamp")
    if stamp.count() != 1 or not stamp.is_visible():
        return [f"{rel}: 検証スタンプがない(または見えない)"]
    if mode == "phone-light":
        return _geometry(page, rel, 375)
    problems = []
    text = stamp.inner_text()
    for version in _expected_versions():
        if version not in text:
            problems.append(f"{rel}: スタンプに {version} がない: {text!r}")
    try:
        for width in DESKTOP_WIDTHS:
            if width != page.viewport_size["width"]:
                page.set_viewport_size({"width": width, "height": 900})
            problems += _geometry(page, rel, width)
    finally:
        if page.viewport_size != MODE_OPTIONS[mode]["viewport"]:
            page.set_viewport_size(MODE_OPTIONS[mode]["viewport"])
    return problems
