"""検索ページのための、関連度で順位を付ける索引(ビルド時に作る)。

Sphinx の検索は語がページにあるかないかしか見ず、同点は題名の五十音順に
並ぶ。「学習」「保存」のようにどのページにもある語では目的のページが上位に
出ない。また Sphinx の索引は Janome の単語単位なので、「過学習」は語として
索引になく、見つからない。

ここでは読者のための索引を別に作り、検索ページ(search.html)だけで読み込む
(``_static/ja_search.js`` が順位を付ける)。

- 語の単位: 日本語(漢字・ひらがな・カタカナの連なり)は 2 文字ずつ
  (文字 bigram)。「過学習」は「過学」「学習」になり、複合語も語の境目の
  解釈に左右されずに引ける。ひらがなで始まる 2 文字(「する」「ます」、
  助詞と次の語にまたがる「の違」「を下」)は捨てる(「下げ」「違い」の
  ように漢字で始まるものは残す)。英数字は単語(``state_dict`` は
  ``state_dict``、``state``、``dict``)。検索窓の語も ja_search.js が同じ
  規則で分ける。
- 語の重み: ページの題名、節の見出し、本文、コードの順に重くし、ページ
  ごとに回数を数える(BM25F の語の頻度)。実行結果の出力は数えない。
- 同義語: 用語集(``ja_search_glossary``、既定は appendix/glossary)の表の
  1 列目(日本語)と 2 列目(英語)を、ビルドのたびに読んで対にする。
  「overfitting」で「過学習」のページが出る。用語集を書き直せば索引も
  変わり、ここに用語を書き写すことはない。

索引の形(``JA_SEARCH.setIndex({...})`` を呼ぶ JavaScript):

- ``docs``: ``[docname, 題名, 本文の節のアンカー]`` の並び(ページの番号は
  この順。アンカーは結果の要約を本文から取るため)
- ``heads``: ページごとの ``[アンカー, 見出し]`` の並び
- ``lens``: ページごとの長さ(本文とコードの語数に重みを掛けた和)
- ``terms``: 語 → ``[ページ番号, 重み付きの回数, ページ番号, …]``
- ``synonyms``: 同義語の組(正規化した語句の並び)の並び
- ``weights``: 題名・見出し・本文・コードの重み(回数はこの整数倍で持つ)
- ``words``: 日本語の単語(Sphinx の索引の語。結果の強調表示と要約のための
  分かち書きに使う。Sphinx の searchindex.js はページに読み込まない)
"""

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

INDEX_FILE = "_static/ja_search_index.js"
# 重み(整数。本文の 1 回を 2 として数える)
WEIGHTS = {"title": 12, "heading": 6, "body": 2, "code": 1}
# 索引に入れないページ
SKIP_DOCS = {"404"}

_CJK = "\u3005\u3006\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_HIRAGANA = re.compile("^[\u3041-\u309f]+$")
_TOKEN = re.compile(f"[{_CJK}]+|[a-z0-9_]+")


def normalize(text: str) -> str:
    """NFKC で全角英数字・半角カナをそろえ、小文字にする。"""
    return unicodedata.normalize("NFKC", text).lower()


def tokenize(text: str) -> list[str]:
    """検索の語に分ける(ja_search.js の tokenize と同じ規則)。"""
    out: list[str] = []
    for run in _TOKEN.findall(normalize(text)):
        if run[0] in "_" or run[0].isascii():
            if run.isdigit() or len(run) < 2:
                continue
            out.append(run)
            if "_" in run.strip("_"):
                out.extend(p for p in run.split("_") if len(p) >= 2)
        elif len(run) == 1:
            if not _HIRAGANA.match(run):
                out.append(run)
        else:
            out.extend(
                run[i : i + 2]
                for i in range(len(run) - 1)
                if not _HIRAGANA.match(run[i])
            )
    return out


# ---------------------------------------------------------------------------
# ページの文字を、題名・見出し・本文・コードに分けて集める
# ---------------------------------------------------------------------------
_SKIP_NODES = (
    nodes.comment,
    nodes.raw,
    nodes.system_message,
    nodes.substitution_definition,
    nodes.math_block,
    nodes.image,
    addnodes.toctree,
)


class _Page:
    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {f: Counter() for f in WEIGHTS}
        self.headings: list[tuple[str, str]] = []
        self.top_id = ""  # ページの最上位の節(本文)のアンカー


def _collect(node: nodes.Node, field: str, page: _Page, depth: int) -> None:
    if isinstance(node, nodes.Text):
        page.counts[field].update(tokenize(node.astext()))
        return
    if isinstance(node, _SKIP_NODES):
        return
    if isinstance(node, nodes.literal_block):
        if "output" in node["classes"]:
            return  # 実行結果(数値やログ)は数えない
        if field == "body":
            field = "code"
    if isinstance(node, nodes.section):
        depth += 1
        title = node.next_node(nodes.title)
        if depth == 1 and not page.top_id and node["ids"]:
            page.top_id = node["ids"][0]
        elif depth > 1 and title is not None and node["ids"]:
            page.headings.append((node["ids"][0], title.astext()))
    if isinstance(node, nodes.title) and isinstance(
        node.parent, nodes.section
    ):
        field = "title" if depth == 1 else "heading"
    for child in node.children:
        _collect(child, field, page, depth)


def _glossary_synonyms(doctree: nodes.document) -> list[list[str]]:
    """用語集の最初の表の 1・2 列目から、同義語の組を作る。"""
    table = doctree.next_node(nodes.table)
    if table is None:
        return []
    groups = []
    for row in table.findall(nodes.row):
        if isinstance(row.parent, nodes.thead):
            continue
        cells = [entry.astext() for entry in row.findall(nodes.entry)]
        if len(cells) < 2:
            continue
        forms: list[str] = []
        for cell in cells[:2]:
            for form in _forms(normalize(cell)):
                if form and form not in forms:
                    forms.append(form)
        if len(forms) >= 2:
            groups.append(forms)
    return groups


def _forms(text: str) -> list[str]:
    """「バッチ(ミニバッチ)」「(mini-)batch」「mixed precision (amp)」の
    括弧を解き、別名の並びにする。英語の記号(- など)は空白にする。
    """
    m = re.fullmatch(r"(.*?)\s*\(([^)]*)\)\s*(.*)", text)
    if m is None:
        forms = [text]
    elif not m[1] and m[3]:  # (mini-)batch → batch, mini-batch
        forms = [m[3], m[2] + m[3]]
    else:
        forms = [f"{m[1]} {m[3]}".strip(), m[2]]
    return [" ".join(re.findall(f"[{_CJK}]+|[a-z0-9]+", f)) for f in forms]


# ---------------------------------------------------------------------------
# 索引を作って書き出す
# ---------------------------------------------------------------------------
def build_index(env, glossary: str | None, words=()) -> dict:
    docnames = sorted(
        d
        for d in env.found_docs
        if d not in SKIP_DOCS and "nosearch" not in env.metadata.get(d, {})
    )
    docs, heads, lens = [], [], []
    terms: dict[str, list[int]] = {}
    for i, docname in enumerate(docnames):
        page = _Page()
        _collect(env.get_doctree(docname), "body", page, 0)
        docs.append([docname, env.titles[docname].astext(), page.top_id])
        heads.append([list(h) for h in page.headings])
        length = 0
        weighted: Counter = Counter()
        for field, counts in page.counts.items():
            for term, n in counts.items():
                weighted[term] += WEIGHTS[field] * n
            if field in ("body", "code"):
                length += WEIGHTS[field] * sum(counts.values())
        lens.append(length)
        for term, w in sorted(weighted.items()):
            terms.setdefault(term, []).extend((i, w))
    # 1 ページだけのビルド(make page)では用語集がないので、同義語なしで作る
    # (用語集の表と索引の同義語が一致することはブラウザテストが確かめる)
    synonyms = []
    if glossary in env.found_docs:
        synonyms = _glossary_synonyms(env.get_doctree(glossary))
    else:
        logger.info("ja_search_glossary: 用語集 %s がありません", glossary)
    return {
        "docs": docs,
        "heads": heads,
        "lens": lens,
        "terms": dict(sorted(terms.items())),
        "synonyms": synonyms,
        "weights": WEIGHTS,
        "words": sorted({w for w in words if re.search(f"[{_CJK}]", w)}),
    }


def write_index(app) -> list:
    """html-collect-pages(search.html を書く前)に索引を書き出す。"""
    if app.builder.format != "html":
        return []
    # Sphinx の索引の語(ページを書き出すときに集めたもの)
    indexer = getattr(app.builder, "indexer", None)
    words = [
        *getattr(indexer, "_mapping", {}),
        *getattr(indexer, "_title_mapping", {}),
    ]
    index = build_index(app.env, app.config.ja_search_glossary, words)
    path = Path(app.outdir) / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f"JA_SEARCH.setIndex({body});\n", encoding="utf-8")
    return []


def add_index_js(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search":
        app.add_js_file(
            INDEX_FILE.removeprefix("_static/"),
            priority=201,
            loading_method="defer",
        )


def setup(app) -> None:
    app.add_config_value("ja_search_glossary", "appendix/glossary", "html")
    app.connect("html-collect-pages", write_index)
    app.connect("html-page-context", add_index_js)
