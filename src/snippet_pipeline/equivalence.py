"""PyTorch と Keras の同等性: 証明のスニペットの実行記録から、付録の対応表の
「検証」の列と、``{snippet-pair}`` の脇の注記を作る。

証明のスニペット(``src/snippets/appendix/correspondence/*.py``)は、両方の
フレームワークで同じ重み・同じ入力から計算し、比べた結果を 1 行ずつ表示する::

    [同等] adam: 最大差 2.7e-07(許容 1e-06)
    [罠] adam_default_epsilon: 最大差 0.039(許容 1e-06)

``[同等]`` は変換した組が許容誤差の内で一致すること、``[罠]`` はそのまま
書き換えた組が許容誤差を超えてずれること(罠が本物であること)を表す。
許容誤差はスニペットにだけ書き、表もテストもこの行から読む(手で書かない)。

- ``{equivalence-table}``: 内容は Markdown の表。最後の列に行の名前
  (``adam`` など)を書くと、そのセルを実行記録の結果(「✓ 一致」と最大差)に
  置き換える。一致しない・記録がないときは警告する(厳格なビルドは失敗する)。
- ``{snippet-pair}`` の脇の注記(``pair_note``): ``PAIRS`` に載っている
  ペアは、対応表のどの行で検証したかをリンクで示し、載っていなければ
  未検証と書く。

Sphinx に依存する部分は ``setup`` から下。上の部分はテストも使う。
"""

import re
from dataclasses import dataclass

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import records
from .markers import ROOT, SNIPPETS, Snippet

logger = logging.getLogger(__name__)

#: 証明のスニペットを置くフォルダと、対応表のページ
PROOFS = SNIPPETS / "appendix" / "correspondence"
TABLE_PAGE = "appendix/correspondence"

#: ``{snippet-pair}`` の語幹 → そのペアが使う API を検証した対応表の行
#: (ここにないペアは「同等性は未検証」と表示する)
PAIRS = {
    "appendix/site_guide/tensor": ["operations"],
    "appendix/site_guide/gradient": ["gradient"],
    "reference/tensors/creation": [
        "from_list",
        "zeros_ones",
        "normal_distribution",
        "from_numpy",
    ],
    "reference/autograd/gradient": ["gradient"],
    "practice/exercises/q4_solution": ["sequential", "param_count"],
    "practice/keras_intro/callbacks/callbacks": [
        "early_stopping",
        "checkpoint_best",
        "reduce_on_plateau",
    ],
    "practice/keras_intro/sequential_functional/sequential": [
        "sequential",
        "cross_entropy",
        "training_loop",
    ],
    "practice/keras_intro/custom_model/custom_model": [
        "subclass",
        "eval_mode",
    ],
    "practice/techniques/save_load/save_load": ["save_weights", "save_model"],
    "practice/techniques/early_stopping/early_stopping": ["early_stopping"],
    "practice/techniques/lr_scheduling/lr_schedule": ["warmup_cosine"],
}

_CLAIM = re.compile(
    r"^\[(?P<kind>同等|罠)\] (?P<row>\w+): "
    r"最大差 (?P<diff>[^\s((]+)[((]許容 (?P<tol>[^\s))]+)[))]$",
    re.M,
)


@dataclass(frozen=True)
class Claim:
    """証明のスニペットが表示した 1 行。"""

    kind: str  # 同等 / 罠
    row: str
    diff: float
    tol: float
    snippet: str = ""

    @property
    def holds(self) -> bool:
        """主張が成り立つか: 同等なら差が許容内、罠なら許容を超える。"""
        if self.kind == "同等":
            return self.diff <= self.tol
        return self.diff > self.tol

    @property
    def text(self) -> str:
        return f"最大差 {self.diff:.2g}、許容 {self.tol:g}"


def parse(stdout: str, snippet: str = "") -> dict[str, Claim]:
    """証明のスニペットの標準出力から、行の名前 → 主張。"""
    return {
        m["row"]: Claim(
            m["kind"], m["row"], float(m["diff"]), float(m["tol"]), snippet
        )
        for m in _CLAIM.finditer(stdout)
    }


def proof_snippets() -> list[Snippet]:
    return [
        Snippet(p) for p in sorted(PROOFS.glob("*.py")) if p.stem != "__init__"
    ]


def recorded_claims() -> dict[str, Claim]:
    """いまの環境の実行記録にある、すべての主張(記録のないものは除く)。"""
    found = {}
    for snippet in proof_snippets():
        record = records.load(snippet)
        if record is not None:
            stdout = records.text_of(record["outputs"])
            found.update(parse(stdout, snippet.id))
    return found


def snippet_of(row: str) -> Snippet | None:
    """行の名前を表示する証明のスニペット(``compare("名前"`` を探す)。"""
    call = re.compile(rf'\bcompare\(\s*"{row}"')
    for snippet in proof_snippets():
        if call.search(snippet.source):
            return snippet
    return None


_TABLE_ROW = re.compile(
    r"^\|(?P<label>[^|]*)\|.*\|\s*`?(?P<row>\w+)`?\s*\|\s*$"
)


def table_rows(text: str | None = None) -> dict[str, str]:
    """対応表の原稿の ``{equivalence-table}`` の行: 名前 → 「やること」。"""
    if text is None:
        page = ROOT / "docs" / f"{TABLE_PAGE}.md"
        text = page.read_text("utf-8") if page.is_file() else ""
    rows, inside = {}, False
    for line in text.splitlines():
        if line.startswith("```{equivalence-table}"):
            inside = True
        elif inside and line.startswith("```"):
            inside = False
        elif inside and (m := _TABLE_ROW.match(line)) and m["row"] != "検証":
            rows[m["row"]] = m["label"].strip().replace("`", "")
    return rows


# ---- Sphinx ----


class equivalence_result(nodes.General, nodes.Element):
    """書き出しのときに、表のセルの結果に置き換える印(属性 row)。"""


class equivalence_note(nodes.General, nodes.Element):
    """書き出しのときに、ペアの注記に置き換える印(属性 stem)。"""


def anchor(row: str) -> str:
    return f"equivalence-{row.replace('_', '-')}"


class EquivalenceTableDirective(SphinxDirective):
    """Markdown の表の最後の列(行の名前)を、検証の結果に置き換える。"""

    has_content = True

    def run(self) -> list[nodes.Node]:
        for snippet in proof_snippets():
            self.env.note_dependency(str(snippet.path))
        box = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, box)
        for table in box.findall(nodes.table):
            for body in table.findall(nodes.tbody):
                # 本体の i 行目の原稿の行番号: フェンス・見出し・区切りの後
                for i, row in enumerate(body.findall(nodes.row)):
                    self.convert(row, self.lineno + 3 + i)
        return box.children

    def convert(self, row: nodes.row, line: int) -> None:
        entries = list(row.findall(nodes.entry))
        name = entries[-1].astext().strip()
        if not re.fullmatch(r"\w+", name):
            logger.warning(
                "対応表の最後の列には検証の行の名前を書きます: %r",
                name,
                location=self.get_location(),
                type="snippet",
                subtype="equivalence",
            )
            return
        row["ids"].append(anchor(name))
        cell = entries[-1]
        cell.children = []
        cell += equivalence_result(row=name, line=line)


def pair_note(directive: SphinxDirective, stem: str) -> equivalence_note:
    """``{snippet-pair}`` の脇に置く注記の印(書き出しのときに文にする)。

    証明のスニペットか対応表が変われば、ペアのページも作り直す。
    """
    env = directive.env
    env.note_dependency(str(ROOT / "docs" / f"{TABLE_PAGE}.md"))
    for snippet in proof_snippets():
        env.note_dependency(str(snippet.path))
    return equivalence_note(stem=stem)


def _result(claim: Claim | None) -> nodes.Node:
    if claim is None:
        return nodes.paragraph("", "記録なし")
    mark = "✓ 一致" if claim.holds else "✗ 不一致"
    para = nodes.paragraph("", "")
    para += nodes.strong("", mark)
    para += nodes.Text(f"({claim.text})")
    return para


def _note(app, docname: str, stem: str, claims: dict) -> nodes.container:
    rows = table_rows()
    keys = [k for k in PAIRS.get(stem, []) if k in rows]
    badge = "同等性を検証済み" if keys else "同等性は未検証"
    color = "success" if keys else "secondary"
    para = nodes.paragraph()
    para += nodes.inline(
        "",
        badge,
        classes=["sd-badge", f"sd-bg-{color}", f"sd-bg-text-{color}"],
    )
    # 札と文の間は CSS の余白で空ける(日本語の文字の間に空白を入れない)
    if not keys:
        para += nodes.Text(
            "この 2 つのタブが同じ計算をすることは、数値では確かめていません。"
        )
    else:
        para += nodes.Text(
            "このタブの PyTorch と Keras の対応は、付録の対応表の"
        )
        for i, key in enumerate(keys):
            uri = app.builder.get_relative_uri(docname, TABLE_PAGE)
            claim = claims.get(key)
            verdict = "一致" if claim and claim.holds else "未確認"
            text = f"「{rows[key]}」({verdict}"
            text += f"、最大差 {claim.diff:.2g})" if claim else ")"
            if i:
                para += nodes.Text("・")
            para += nodes.reference("", text, refuri=f"{uri}#{anchor(key)}")
        para += nodes.Text(
            "の行で、同じ重みと入力から数値を比べて検証しています。"
        )
    return nodes.container("", para, classes=["equivalence-note"])


def fill(app, doctree: nodes.document, docname: str) -> None:
    results = list(doctree.findall(equivalence_result))
    notes = list(doctree.findall(equivalence_note))
    if not results and not notes:
        return
    claims = recorded_claims()
    for node in results:
        row = node["row"]
        claim = claims.get(row)
        if claim is None or claim.kind != "同等" or not claim.holds:
            why = (
                "実行記録にありません"
                if claim is None
                else f"一致しません({claim.text}、{claim.snippet})"
            )
            logger.warning(
                "対応表の行 %s: %s",
                row,
                why,
                location=(docname, node.get("line")),
                type="snippet",
                subtype="equivalence",
            )
        node.replace_self(_result(claim))
    for node in notes:
        node.replace_self(_note(app, docname, node["stem"], claims))


def setup(app) -> None:
    app.add_node(equivalence_result)
    app.add_node(equivalence_note)
    app.add_directive("equivalence-table", EquivalenceTableDirective)
    app.connect("doctree-resolved", fill)
