"""日本語の文中の改行を、表示で空白にしない。

原稿(MyST)では長い段落を途中で改行して書く。ブラウザはこの改行を空白として
表示するので、「言葉を\\nそのまま」が「言葉を そのまま」になる。日本語の
文字どうしの間の改行だけを取り除く(英単語の間の改行は空白のまま残す)。
検索索引もこの文から作られるので、改行で語が切れることもなくなる。
"""

import re

from docutils import nodes

_CJK = (
    r"\u3000-\u303f"  # 和文の句読点・括弧
    r"\u3040-\u30ff"  # ひらがな・カタカナ
    r"\u3400-\u4dbf\u4e00-\u9fff"  # 漢字
    r"\uff00-\uffef"  # 全角英数・記号
)
_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")
_SKIP = (nodes.literal, nodes.literal_block, nodes.raw, nodes.math)


def _is_cjk(char: str) -> bool:
    return bool(char) and re.match(f"[{_CJK}]", char) is not None


def _edge(node, last: bool) -> str:
    text = node.astext() if node is not None else ""
    return (text[-1:] if last else text[:1]) if text else ""


def join_cjk_lines(app, doctree: nodes.document) -> None:
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, _SKIP):
            continue
        if "\n" not in text:
            continue
        if not str(text).strip():
            # MyST は改行(softbreak)を単独の Text ノードにする
            i = parent.index(text)
            before = parent[i - 1] if i > 0 else None
            after = parent[i + 1] if i + 1 < len(parent) else None
            if _is_cjk(_edge(before, True)) and _is_cjk(_edge(after, False)):
                parent.remove(text)
            continue
        joined = _BREAK.sub("", str(text))
        if joined != str(text):
            parent.replace(text, nodes.Text(joined))


def setup(app) -> None:
    app.connect("doctree-read", join_cjk_lines)
