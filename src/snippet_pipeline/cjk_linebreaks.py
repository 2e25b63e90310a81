"""日本語の文中の改行と空白を、表示で空白にしない。

原稿(MyST)では長い段落を途中で改行して書く。ブラウザはこの改行を空白として
表示するので、「言葉を\\nそのまま」が「言葉を そのまま」になる。日本語の
文字どうしの間の空白(改行を含む)を取り除く。英単語の間、英単語と日本語の
間の空白はそのまま残す。

MyST は改行(softbreak)を単独の ``"\\n"`` の Text ノードにし、リンクや強調の
前後では文字列が別のノードに分かれる。そこで段落・見出しなどのブロックごとに、
中の文字列ノードを表示の順につないで調べ、ノードの境目をまたぐ空白も除く。
コード・数式・画像などは、前後の文字とつながらない区切りとして扱う(その前後の
空白は残す)。

docutils の Text ノードは文字列として比較されるので、``parent.index(text)`` や
``parent.remove(text)`` は同じ文字列の最初のノード(段落の最初の ``"\\n"`` など)
を指してしまう。ノードは必ず同一性(``is``)で探す。

検索索引もこの文から作られるので、改行で語が切れることもなくなる。
"""

import re

from docutils import nodes

_CJK = (
    r"\u3001-\u303f"  # 和文の句読点・括弧(全角の空白 U+3000 は除く)
    r"\u3040-\u30ff"  # ひらがな・カタカナ
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # 漢字
    r"\uff01-\uff9f"  # 全角英数・記号、半角カナ
)
# 日本語の文字にはさまれた、半角の空白・タブ・改行の並び
_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\n]+(?=[{_CJK}])")
# 中を調べず、前後の文字とつながらない区切りにするもの
_OPAQUE = (
    nodes.literal,
    nodes.math,
    nodes.raw,
    nodes.image,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.substitution_reference,
)


def _runs(block: nodes.Element) -> list[list[nodes.Text]]:
    """ブロックの中の Text ノードを、区切り(コードなど)で分けた並び。"""
    runs: list[list[nodes.Text]] = [[]]

    def walk(node: nodes.Element) -> None:
        for child in node.children:
            if isinstance(child, nodes.Text):
                runs[-1].append(child)
            elif isinstance(child, _OPAQUE) or not isinstance(
                child, nodes.Inline
            ):
                # コード・数式や、ブロックの中の別のブロック(そちらは
                # それ自身で調べる)
                runs.append([])
            else:
                walk(child)

    walk(block)
    return [r for r in runs if r]


def _replace(old: nodes.Text, text: str) -> None:
    parent = old.parent
    i = next(i for i, c in enumerate(parent.children) if c is old)
    if text:
        parent[i] = nodes.Text(text)
    else:
        del parent[i]


def _join_run(run: list[nodes.Text]) -> None:
    texts = [str(t) for t in run]
    whole = "".join(texts)
    gaps = [m.span() for m in _GAP.finditer(whole)]
    if not gaps:
        return
    start = 0
    for node, text in zip(run, texts, strict=True):
        end = start + len(text)
        kept = "".join(
            ch
            for k, ch in enumerate(text, start)
            if not any(a <= k < b for a, b in gaps)
        )
        if kept != text:
            _replace(node, kept)
        start = end


def join_cjk_lines(app, doctree: nodes.document) -> None:
    for block in list(doctree.findall(nodes.TextElement)):
        if isinstance(block, (nodes.Inline, nodes.FixedTextElement)):
            continue
        for run in _runs(block):
            _join_run(run)


def _join_resolved(app, doctree: nodes.document, docname: str) -> None:
    join_cjk_lines(app, doctree)


def setup(app) -> None:
    app.connect("doctree-read", join_cjk_lines)
    # 相互参照({doc} など)の題名は、読み込みの後で解決されて入るので、
    # 解決の後にもう一度調べる
    app.connect("doctree-resolved", _join_resolved)
