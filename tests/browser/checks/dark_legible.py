"""ダークモード: コード、出力、図が読める(文字と背景のコントラストが十分)。"""

from browser.checks import path_of

MODES = {"desktop-dark"}
_checked: set[str] = set()

CONTRAST = """(selector) => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const worst = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.textContent.trim()) continue;
    const bg = background(el);
    const fg = rgb(getComputedStyle(el).color);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    worst.push([(a + 0.05) / (b + 0.05), el.className,
                el.textContent.slice(0, 30)]);
  }
  worst.sort((x, y) => x[0] - y[0]);
  return worst.slice(0, 3);
}"""

TARGETS = [
    ("コード", "div.highlight pre, div.highlight pre span", 3.0),
    # 出力の色付きの文字(Keras の summary など)は 3.0(大きな文字・
    # UI 部品の基準)。地の文字は下の 4.5 で確かめる
    ("出力", "div.cell_output pre span", 3.0),
    ("出力", "div.cell_output pre", 4.5),
]


def check(page, url, mode):
    rel = path_of(url)
    if not page.locator("div.cell_output").count():
        return []
    problems = []
    for what, selector, minimum in TARGETS:
        worst = page.evaluate(CONTRAST, selector)
        if worst:
            _checked.add(what)
            if worst[0][0] < minimum:
                problems.append(f"{rel}: {what}のコントラスト {worst}")
    # 図は白地で表示する(透明な背景の黒い文字が暗い背景に沈まない)
    for img in page.locator("div.cell_output img").all():
        _checked.add("図")
        bg = img.evaluate("e => getComputedStyle(e).backgroundColor")
        if bg != "rgb(255, 255, 255)":
            problems.append(f"{rel}: 図の背景が白でない {bg}")
    return problems


def finish():
    missing = {"コード", "出力", "図"} - _checked
    return [f"確認できなかったもの: {sorted(missing)}"] if missing else []
