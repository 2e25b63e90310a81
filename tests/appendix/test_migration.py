"""docs/appendix/migration.md のテスト。

付録「PyTorch から Keras へ、Keras から PyTorch へ」: 証明のスニペットが
見つけた罠(``[罠]`` の行)は、どれもこのページでコードと出力つきで示す。
"""

from snippet_pipeline import equivalence
from snippet_pipeline.markers import ROOT
from snippet_pipeline.pages import uses

PAGE = ROOT / "docs/appendix/migration.md"


def test_every_trap_is_demonstrated(snippet):
    shown = {
        s.id for u in uses(PAGE.read_text("utf-8"), PAGE) for s in u.snippets
    }
    for proof in equivalence.proof_snippets():
        claims = equivalence.parse(snippet.stdout(proof.id)).values()
        traps = [c.row for c in claims if c.kind == "罠"]
        if traps:
            assert proof.id in shown, (
                f"{proof.relpath} の罠 {traps} が {PAGE.name} にない"
            )
