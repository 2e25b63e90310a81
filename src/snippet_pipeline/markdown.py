"""docutils の文書ツリーを、Jupyter が表示できる素の Markdown にする。

ノートブックの Markdown セルを、ページの原稿(MyST)からではなく、
ビルドで解決済みのツリーから作るために使う。MyST のディレクティブや
ロールは解決済みなので、次のように Jupyter で読める形になる:

- 注意書き(admonition)と折りたたみ → 見出しつきの引用(``>``)
- タブ → タブ名を太字にして順に並べる
- mermaid の図 → ```` ```mermaid ```` のコードブロック
  (JupyterLab 4.1 以降が図として描く)
- 相互参照 → ``base_url`` があればサイトの絶対 URL のリンク、なければ文字だけ
- 数式 → ``$...$`` と ``$$...$$``

Sphinx には依存しない(ノードの種類は名前で見る)。
"""

import re
from collections.abc import Callable
from urllib.parse import urljoin

from docutils import nodes

# 改行をはさむ 2 文字がどちらも全角なら、改行を空白にしない
_CJK = r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
_CJK_NEWLINE = re.compile(rf"(?<={_CJK})\n(?={_CJK})")


def _inline_text(text: str) -> str:
    text = _CJK_NEWLINE.sub("", text)
    return text.replace("\n", " ")


class MarkdownWriter:
    """ブロック要素を Markdown の段落の列にする。

    ``is_cell(node)`` が真のノードに来ると、そこまでの Markdown を
    ``on_markdown(text)`` に、そのノードを ``on_cell(node)`` に渡す。
    ``base_url``: 相対リンクを絶対 URL にするときの基準(ページの URL)。
    """

    def __init__(
        self,
        base_url: str = "",
        is_cell: Callable[[nodes.Node], bool] = lambda node: False,
        on_cell: Callable[[nodes.Node], None] = lambda node: None,
        on_markdown: Callable[[str], None] = lambda text: None,
    ):
        self.base_url = base_url
        self.is_cell = is_cell
        self.on_cell = on_cell
        self.on_markdown = on_markdown
        self.blocks: list[str] = []

    # -- 外から使う ------------------------------------------------------
    def write(self, tree: nodes.Node) -> None:
        self.blocks_of(tree, level=0)
        self.flush()

    def flush(self) -> None:
        text = "\n\n".join(b for b in self.blocks if b.strip())
        self.blocks = []
        if text.strip():
            self.on_markdown(text)

    # -- ブロック --------------------------------------------------------
    def blocks_of(self, node: nodes.Node, level: int) -> None:
        for child in node.children:
            self.block(child, level)

    def block(self, node: nodes.Node, level: int) -> None:
        if self.is_cell(node):
            self.flush()
            self.on_cell(node)
            return
        name = type(node).__name__
        classes = (
            node.get("classes", []) if isinstance(node, nodes.Element) else []
        )
        if isinstance(node, (nodes.comment, nodes.target, nodes.raw)) or (
            name in ("toctree", "report_placeholder", "sd_tab_input")
        ):
            return
        if isinstance(node, nodes.section):
            title = node.next_node(nodes.title)
            self.blocks.append("#" * (level + 1) + " " + self.inline(title))
            for child in node.children:
                if child is not title:
                    self.block(child, level + 1)
            return
        if isinstance(node, nodes.title):
            return  # 節の見出しは section で書いた
        if isinstance(node, (nodes.paragraph, nodes.rubric)) or (
            name == "sd_tab_label"
        ):
            text = self.inline(node)
            if isinstance(node, nodes.rubric) or name == "sd_tab_label":
                text = f"**{text}**"
            self.blocks.append(text)
            return
        if isinstance(node, nodes.literal_block):
            lang = node.get("language", "")
            if lang in ("none", "default", "myst-ansi"):
                lang = ""
            self.blocks.append(f"```{lang}\n{node.astext()}\n```")
            return
        if name == "mermaid":
            self.blocks.append(f"```mermaid\n{node['code']}\n```")
            return
        if isinstance(node, nodes.math_block):
            self.blocks.append(f"$$\n{node.astext()}\n$$")
            return
        if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            self.blocks.append(self.list_(node))
            return
        if isinstance(node, nodes.table):
            self.blocks.append(self.table(node))
            return
        if isinstance(node, nodes.Admonition) or "dropdown" in " ".join(
            classes
        ):
            self.quote(node, level)
            return
        if isinstance(node, nodes.image):
            self.blocks.append(self.image(node))
            return
        if isinstance(node, nodes.Element):
            self.blocks_of(node, level)  # container など: 中身だけ
            return
        text = node.astext().strip()
        if text:
            self.blocks.append(_inline_text(text))

    def quote(self, node: nodes.Element, level: int) -> None:
        """注意書き: 見出しを太字にした引用。中のブロックも同じ規則で書く。

        中にコードのセルがあれば(練習問題の解答など)、引用をそこで切り、
        セルはセルとして出す(引用の中にセルは置けない)。
        """
        title = None
        if isinstance(node, nodes.Admonition):
            title = {"note": "注記", "warning": "警告", "tip": "ヒント"}.get(
                type(node).__name__
            )
        inner = MarkdownWriter(self.base_url)

        def close() -> None:
            nonlocal title
            body = "\n\n".join(b for b in inner.blocks if b.strip())
            text = (f"**{title}**\n\n" if title else "") + body
            if text.strip():
                self.blocks.append(
                    "\n".join(("> " + ln).rstrip() for ln in text.splitlines())
                )
            inner.blocks = []
            title = None

        for child in node.children:
            classes = child.get("classes", [])
            if isinstance(child, nodes.title) or "sd-summary-title" in classes:
                title = self.inline(child)
            elif self._has_cell(child):
                close()
                self.block(child, level)
            else:
                inner.block(child, level)
        close()

    def _has_cell(self, node: nodes.Node) -> bool:
        return isinstance(node, nodes.Element) and any(
            self.is_cell(n) for n in node.findall(nodes.Element)
        )

    def list_(self, node: nodes.Element, indent: str = "") -> str:
        lines = []
        for i, item in enumerate(node.children, start=1):
            marker = (
                f"{i}. " if isinstance(node, nodes.enumerated_list) else "- "
            )
            pad = indent + " " * len(marker)
            first = True
            for child in item.children:
                if isinstance(
                    child, (nodes.bullet_list, nodes.enumerated_list)
                ):
                    lines.append(self.list_(child, pad))
                    continue
                sub = MarkdownWriter(self.base_url)
                sub.block(child, 0)
                text = "\n\n".join(sub.blocks)
                for j, ln in enumerate(text.splitlines()):
                    prefix = indent + marker if first and j == 0 else pad
                    lines.append((prefix + ln) if ln else "")
                first = False
        return "\n".join(lines)

    def table(self, node: nodes.table) -> str:
        rows = []
        for row in node.findall(nodes.row):
            cells = []
            for entry in row.children:
                sub = MarkdownWriter(self.base_url)
                sub.blocks_of(entry, 0)
                text = "<br>".join(b.replace("\n", "<br>") for b in sub.blocks)
                cells.append(text.replace("|", "\\|"))
            rows.append("| " + " | ".join(cells) + " |")
        if not rows:
            return ""
        width = rows[0].count(" | ") + 1
        rows.insert(1, "|" + "---|" * width)
        return "\n".join(rows)

    def image(self, node: nodes.image) -> str:
        uri = node.get("uri", "")
        alt = node.get("alt", "")
        if self.base_url and not re.match(r"[a-z]+:", uri):
            return f"![{alt}]({urljoin(self.base_url, uri)})"
        return f"({alt})" if alt else ""

    # -- 行内 ------------------------------------------------------------
    def inline(self, node: nodes.Node) -> str:
        if isinstance(node, (nodes.raw, nodes.comment)):
            return ""  # アイコンの SVG など、HTML 向けのもの
        if isinstance(node, nodes.Text):
            return _inline_text(str(node)).replace("*", "\\*")
        if isinstance(node, nodes.literal):
            return f"`{node.astext()}`"
        if isinstance(node, nodes.math):
            return f"${node.astext()}$"
        inner = "".join(self.inline(c) for c in node.children)
        if isinstance(node, nodes.strong):
            return f"**{inner}**"
        if isinstance(node, nodes.emphasis):
            return f"*{inner}*"
        if "sd-badge" in node.get("classes", []):
            return f"【{inner}】"  # 札(HTML では色の付いた枠)
        if isinstance(node, nodes.reference):
            uri = node.get("refuri", "")
            if not uri and node.get("refid"):
                uri = "#" + node["refid"]
            if re.match(r"[a-z]+:", uri):
                return f"[{inner}]({uri})"
            if self.base_url and uri:
                return f"[{inner}]({urljoin(self.base_url, uri)})"
            return inner  # リンク先はノートブックの外(サイト)にしかない
        if isinstance(node, nodes.image):
            return self.image(node)
        return inner
