"""幅 375px でも表と図が読める。

- 表: 1 列目のセルが 1 行に 1〜2 文字ずつに砕けない(セルの幅が 4 文字分
  以上。文字がそれより短ければその幅)。表が広ければ枠の中で横にスクロールする
  (phone_overflow.py)。
- 図(コードの出力の画像): 縮小しすぎない(元の大きさの 65% 以上で表示する。
  図は 100 dpi で、文字は 9pt 以上なので、表示で約 8px 以上)。画面より広ければ
  横にスクロールできる枠の中にある。
"""

from browser.checks import is_reader_page, path_of

MODES = {"phone-light"}
MIN_SCALE = 0.65

TABLES = """() => {
  const bad = [];
  for (const table of document.querySelectorAll('article table')) {
    for (const row of table.rows) {
      const cell = row.cells[0];
      if (!cell || cell.textContent.trim().length < 2) continue;
      const cs = getComputedStyle(cell);
      const fs = parseFloat(cs.fontSize);
      const width = cell.clientWidth - parseFloat(cs.paddingLeft)
        - parseFloat(cs.paddingRight);
      const range = document.createRange();
      range.selectNodeContents(cell);
      let text = 0;
      for (const r of range.getClientRects()) text += r.width;
      const need = Math.min(4 * fs, text);
      if (width + 1 < need)
        bad.push(`表の 1 列目「${cell.textContent.trim().slice(0, 20)}」の`
                 + `幅が ${width.toFixed(0)}px(${need.toFixed(0)}px 必要)`);
    }
  }
  return bad;
}"""

FIGURES = """(minScale) => {
  const vw = window.innerWidth;
  const bad = [];
  for (const img of document.querySelectorAll('article .cell_output img')) {
    if (!img.naturalWidth) continue;
    const r = img.getBoundingClientRect();
    const scale = r.width / img.naturalWidth;
    const name = img.getAttribute('src').split('/').pop();
    if (scale < minScale)
      bad.push(`図 ${name} が元の ${(scale * 100).toFixed(0)}% に縮小され`
               + `ている(${r.width.toFixed(0)}px / ${img.naturalWidth}px)`);
    if (r.right > vw + 1) {
      let box = img.parentElement, ok = false;
      for (; box && box !== document.body; box = box.parentElement) {
        const ov = getComputedStyle(box).overflowX;
        if ((ov === 'auto' || ov === 'scroll')
            && box.getBoundingClientRect().right <= vw + 1) {
          ok = true;
          break;
        }
      }
      if (!ok) bad.push(`図 ${name} が画面からはみ出し、スクロールできない`);
    }
  }
  return bad;
}"""


def check(page, url, mode):
    if not is_reader_page(url):
        return []
    rel = path_of(url)
    found = page.evaluate(TABLES) + page.evaluate(FIGURES, MIN_SCALE)
    return [f"{rel}: {b}" for b in found]
