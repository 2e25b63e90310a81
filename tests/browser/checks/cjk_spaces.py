"""日本語の文中に空白がない: どのページのどの文字列でも、日本語の文字
(漢字・ひらがな・カタカナ・全角の記号)どうしの間に空白を挟まない。

原稿の改行(MyST の softbreak)は、ブラウザでは空白として表示される。
src/snippet_pipeline/cjk_linebreaks.py がそれを除く。ページのすべての
文字列ノードを、ブロック要素(段落・見出し・表のセルなど)ごとに表示の順で
つないで調べる(インラインの要素をまたぐ空白も見つかる)。コード(pre、
code など)の中は調べない。
"""

from browser.checks import path_of

MODES = {"desktop-light"}

SCAN = r"""() => {
  const CJK = '\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff'
    + '\uf900-\ufaff\uff01-\uff60\uff61-\uff9f';
  const bad = new RegExp(`[${CJK}]\\s+[${CJK}]`, 'g');
  const SKIP = 'pre, code, kbd, samp, script, style, textarea, '
    + 'mjx-container, .highlight';
  const inlineTags = new Set(['A', 'ABBR', 'B', 'BDI', 'CITE', 'DFN', 'EM',
    'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'U',
    'CODE', 'KBD', 'SAMP', 'VAR', 'TIME', 'tspan']);
  const blockOf = n => {
    let e = n.parentElement;
    while (e && inlineTags.has(e.tagName)) e = e.parentElement;
    return e;
  };
  const groups = new Map();
  const add = (node, text) => {
    const block = blockOf(node);
    if (!block) return;
    if (!groups.has(block)) groups.set(block, []);
    groups.get(block).push(text);
  };
  // コード・数式・画像などは、前後の文字とつながらない印(\0)に置き換える
  const OPAQUE = SKIP +
    ', img, svg:not(.mermaid-diagram svg), br, input, button i';
  const visit = node => {
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) add(c, c.data);
      else if (c.nodeType !== Node.ELEMENT_NODE) continue;
      else if (c.matches(OPAQUE)) add(c, '\u0000');
      else visit(c);
    }
  };
  visit(document.body);
  const found = [];
  for (const parts of groups.values()) {
    const text = parts.join('').replace(/\s+/g, ' ');
    for (const m of text.matchAll(bad)) {
      found.push(text.slice(Math.max(0, m.index - 12),
                            m.index + m[0].length + 12).replace(/\0/g, '…'));
    }
  }
  return found;
}"""


def check(page, url, mode):
    rel = path_of(url)
    return [f"{rel}: 「{s}」" for s in page.evaluate(SCAN)]
