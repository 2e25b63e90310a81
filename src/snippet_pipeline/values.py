"""本文で引用する数値: ``{snippet-value}`` ロールと、その照合。

本文で実行結果の数値(損失、正解率、エポック数など)を引用するときは、
ロールで囲む::

    検証の正解率は {snippet-value}`0.742` 前後で止まり、…
    最小は {snippet-value}`16 <roadmap/troubleshooting/val_plateau>` エポック目

ロールは数値をそのまま表示し、その数値がそのページに載せたスニペットの
実行記録の出力(``<…>`` で指定したときはそのスニペットの出力)に、一つの
数として現れることを確かめる。小さな整数のように出力のあちこちに現れうる
数は、出力の前後の文字列ごと書き、表示する部分を ``{}`` で囲む
(``{snippet-value}`発散 {10} / 20``` は「10」と表示し、出力の中に
「発散 10 / 20」があることを確かめる)。スニペットを変えて出力の数値が変われば、
``make docs`` はページの行と数値を示して警告(厳格なビルドでは失敗)し、
``make test``(``tests/test_prose_numbers.py``)も同じ照合で失敗する。

Sphinx に依存する部分は ``setup`` と ``_role`` だけで、照合そのもの
(``parse``・``find``・``page_values``)はテストからも使う。
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .markers import SNIPPETS, Snippet
from .pages import uses

ROLE = "snippet-value"
_ARG = re.compile(r"^\s*(?P<spec>.+?)\s*(?:<(?P<snippet>[^<>]+)>)?\s*$")
_SHOWN = re.compile(r"\{([^{}]+)\}")
# 原稿の中のロール(テストが使う)
_IN_SOURCE = re.compile(r"\{" + re.escape(ROLE) + r"\}`(?P<arg>[^`\n]+)`")


@dataclass
class Value:
    """本文で引用する 1 つの数値。"""

    number: str  # 本文に表示する文字列(出力と同じ書き方)
    snippet: str | None  # 探すスニペットの id(None ならページの全部)
    line: int = 0  # 原稿の行(1 始まり)
    search: str = ""  # 出力の中で探す文字列(既定は number)

    def __post_init__(self):
        self.search = self.search or self.number


def parse(arg: str) -> Value:
    m = _ARG.match(arg)
    if not m:
        raise ValueError(f"{ROLE} の書き方が違います: {arg!r}")
    snippet = m["snippet"] and m["snippet"].strip().removesuffix(".py")
    spec = m["spec"]
    shown = _SHOWN.findall(spec)
    if len(shown) > 1:
        raise ValueError(f"{ROLE} で表示する {{}} は 1 つだけ: {arg!r}")
    if shown:
        return Value(shown[0], snippet, search=_SHOWN.sub(r"\1", spec))
    if " " in spec:
        raise ValueError(
            f"{ROLE} の前後の文字列つきの書き方では、表示する数を {{}} で"
            f"囲みます: {arg!r}"
        )
    return Value(spec, snippet)


def page_values(text: str) -> list[Value]:
    """ページの原稿 text にあるロール(行番号つき)。"""
    found = []
    for m in _IN_SOURCE.finditer(text):
        value = parse(m["arg"])
        value.line = text.count("\n", 0, m.start()) + 1
        found.append(value)
    return found


def plain(text: str) -> str:
    """ロールを、表示する数値だけに置き換える(ノートブックの Markdown 用)。"""
    return _IN_SOURCE.sub(lambda m: parse(m["arg"]).number, text)


def page_snippets(text: str, page: Path) -> list[Snippet]:
    """ページに載せたスニペット(部品は除く)。"""
    return [
        s
        for u in uses(text, page)
        for s in u.snippets
        if s.path.is_file() and s.path.is_relative_to(SNIPPETS)
    ]


def find(number: str, output: str) -> bool:
    """number が output の中に、前後を数字で続けない一つの数として現れるか
    (前後の文字列つきなら、その全体が)。
    """
    pattern = r"(?<![\d.])" + re.escape(number) + r"(?![\d])(?!\.\d)"
    return re.search(pattern, output) is not None


def check(value: Value, outputs: dict[str, str | None]) -> str | None:
    """照合する。outputs はスニペットの id → 標準出力(記録がなければ None)。

    問題がなければ None、あればその説明を返す。
    """
    if value.snippet is not None:
        if value.snippet not in outputs:
            return (
                f"{value.snippet} はこのページに載っていません"
                f"(本文の数値 {value.number})"
            )
        outputs = {value.snippet: outputs[value.snippet]}
    known = {k: v for k, v in outputs.items() if v is not None}
    if any(find(value.search, text) for text in known.values()):
        return None
    where = value.snippet or "このページのスニペット"
    shown = value.number
    if value.search != value.number:
        shown += f"(「{value.search}」)"
    return f"本文の数値 {shown} が {where} の出力にありません"


def _outputs(page_text: str, page: Path) -> dict[str, str | None]:
    from . import records

    found: dict[str, str | None] = {}
    for snippet in page_snippets(page_text, page):
        record = records.load(snippet)
        found[snippet.id] = (
            None
            if record is None
            else "\n".join(
                [records.text_of(record["outputs"])]
                + [
                    str(o.get("evalue", ""))
                    for o in record["outputs"]
                    if o["output_type"] == "error"
                ]
            )
        )
    return found


def _role(name, rawtext, text, lineno, inliner, options=None, content=()):
    from docutils import nodes
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    env = inliner.document.settings.env
    try:
        value = parse(text)
    except ValueError as e:
        msg = inliner.reporter.error(str(e), line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    page = Path(env.doc2path(env.docname))
    cache = env.temp_data.setdefault("snippet_value_outputs", {})
    if env.docname not in cache:
        page_text = page.read_text(encoding="utf-8")
        for snippet in page_snippets(page_text, page):
            env.note_dependency(str(snippet.path))
        cache[env.docname] = _outputs(page_text, page)
    outputs = cache[env.docname]
    pinned = value.snippet and outputs.get(value.snippet, "") is None
    if pinned and not Snippet.from_id(value.snippet).runnable_here:
        pass  # GPU の記録がない環境では照合できない
    else:
        problem = check(value, outputs)
        if problem is not None:
            logger.warning(
                problem,
                location=(env.docname, lineno),
                type="snippet",
                subtype="value",
            )
    node = nodes.inline(rawtext, value.number, classes=["snippet-value"])
    return [node], []


def setup(app) -> None:
    app.add_role(ROLE, _role)
