"""画面の文言はすべて日本語で、状態を絵文字だけで示さない。

テーマ(ヘッダー・サイドバー・ダイアログ・ボタン)の文言と、どの要素の
``aria-label``・``title``・``placeholder`` も英語のまま残っていない。
英語の文言は、知られているもの(KNOWN)と、ボタンやリンクの説明が英単語
だけでできているもの(固有名詞・コードを除く)で見つける。

絵文字(✅ など)は読者の環境に絵文字のフォントがないと表示されないので、
要素の文字が絵文字だけのもの(表の「状態」の欄など)を認めない。
"""

from browser.checks import path_of

MODES = {"desktop-light", "phone-light"}

# テーマが英語のまま出していた文言
KNOWN = [
    "Search...",
    "Search the docs",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "System Settings",
    "Color mode",
    "Light",
    "Dark",
    "Link to this heading",
    "Back to top",
    "Skip to main content",
    "On this page",
    "Contents",
    "Main",
    "Page",
    "Download this page",
    "Fullscreen mode",
    "Print to PDF",
    "Site navigation",
    "Section Navigation",
    "previous",
    "next",
]
# 英語のままでよい語(製品名・キーの名前・ファイルの種類)
PROPER = [
    "PyTorch",
    "TensorFlow",
    "Keras",
    "Python",
    "NumPy",
    "GPU",
    "CPU",
    "CUDA",
    "Ctrl",
    "ipynb",
    "MathJax",
    "Sphinx",
]

SCAN = """([known, proper]) => {
  const CJK = /[\\u3040-\\u30ff\\u3400-\\u9fff\\uff01-\\uff9f]/;
  const EMOJI = /\\p{Extended_Pictographic}/gu;
  const english = v => {
    // 英単語(3 文字以上)があり、日本語がなく、固有名詞でもコードでもない
    if (!v || CJK.test(v) || /[._()=\\/<>]/.test(v)) return false;
    const words = (v.match(/[A-Za-z]{3,}/g) || [])
      .filter(w => !proper.some(p => p.toLowerCase() === w.toLowerCase()));
    return words.length > 0;
  };
  const skip = el => el.closest(
    'pre, code, script, style, noscript, mjx-container, .onlyprint, '
    + '.cell_output');
  const bad = new Set();
  const ATTRS = ['aria-label', 'title', 'placeholder', 'data-bs-title',
                 'aria-description', 'aria-roledescription'];
  for (const el of document.querySelectorAll('*')) {
    if (skip(el)) continue;
    for (const a of ATTRS) {
      const v = (el.getAttribute(a) || '').trim();
      if (!v) continue;
      if (known.includes(v.replace(/\\s*…$/, '...')) || english(v))
        bad.add(`${el.tagName.toLowerCase()} の ${a}「${v}」`);
    }
    // 本文の外(テーマ)とボタン・メニューの文字
    const chrome = !el.closest('article.bd-article')
      || el.closest('button, [role=button], .dropdown-menu, label');
    for (const n of el.childNodes) {
      if (n.nodeType !== Node.TEXT_NODE) continue;
      const v = n.data.trim();
      if (!v) continue;
      if (known.includes(v) || (chrome && el.closest(
          'button, [role=button], .dropdown-menu, .header-article-items, '
          + 'footer, .prev-next-area') && english(v)))
        bad.add(`${el.tagName.toLowerCase()} の文字「${v}」`);
    }
  }
  // 絵文字だけの要素(状態を絵文字だけで示している)
  for (const el of document.querySelectorAll('body *')) {
    if (skip(el) || el.children.length) continue;
    const t = el.textContent;
    if (EMOJI.test(t) && !t.replace(EMOJI, '').replace(/[\\s\\ufe0f]/g, ''))
      bad.add(`${el.tagName.toLowerCase()} が絵文字だけ「${t.trim()}」`);
    EMOJI.lastIndex = 0;
  }
  return [...bad];
}"""


def check(page, url, mode):
    rel = path_of(url)
    found = page.evaluate(SCAN, [KNOWN, PROPER])
    return [
        f"{rel}: {b}" if "絵文字" in b else f"{rel} ({mode}): 英語の文言 {b}"
        for b in found
    ]
