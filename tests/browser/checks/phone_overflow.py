"""幅 375px で本文がはみ出さず、広い表・コード・図は枠の中でスクロールする。"""

from browser.checks import is_reader_page, path_of

MODES = {"phone-light"}
_wide = [0]

OVERFLOW = """() => {
  const vw = window.innerWidth;
  const doc = document.scrollingElement;
  const bad = [];
  if (doc.scrollWidth > vw + 1) bad.push('body ' + doc.scrollWidth);
  // 見出しや段落の文字が枠からはみ出していない(はみ出しは切られて読めない)
  for (const el of document.querySelectorAll(
      'article h1, article h2, article h3, article p, article li')) {
    if (el.closest('pre, table, .highlight, .sd-tab-set, .cell_output'))
      continue;
    if (el.scrollWidth > el.clientWidth + 1
        || el.getBoundingClientRect().right > vw + 1)
      bad.push(el.tagName + ' ' + el.textContent.trim().slice(0, 30));
  }
  let wide = 0;
  for (const el of document.querySelectorAll(
      'article pre, article table, article svg')) {
    if (el.scrollWidth <= vw) continue;
    wide++;
    let box = el, ok = false;
    while (box && box !== document.body) {
      const ov = getComputedStyle(box).overflowX;
      if ((ov === 'auto' || ov === 'scroll')
          && box.getBoundingClientRect().right <= vw + 1) { ok = true; break; }
      box = box.parentElement;
    }
    if (!ok) bad.push(el.tagName + ' ' + el.className);
  }
  return [bad, wide];
}"""


def check(page, url, mode):
    if not is_reader_page(url):
        return []
    bad, wide = page.evaluate(OVERFLOW)
    _wide[0] += wide
    return [f"{path_of(url)}: はみ出し {b}" for b in bad]


def finish():
    if not _wide[0]:
        return ["幅の広いコードや表が 1 つもない(確認になっていない)"]
    return []
