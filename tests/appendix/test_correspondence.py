"""docs/appendix/correspondence.md と docs/appendix/migration.md のテスト。

付録「対応表」の各行は、証明のスニペット
(src/snippets/appendix/correspondence/)が表示する ``[同等]`` の行で、
PyTorch と Keras の結果の最大差が、スニペットに書いた許容誤差に収まる
こと。``[罠]`` の行は許容誤差を超えること(書き換えを忘れると本当にずれる)。
許容誤差はスニペットの出力から読む(ここには書かない)。
"""

import pytest

from snippet_pipeline import equivalence
from snippet_pipeline.pages import pair

ROWS = equivalence.table_rows()
PROOFS = equivalence.proof_snippets()


def _claims(snippet, proof) -> dict[str, equivalence.Claim]:
    return equivalence.parse(snippet.stdout(proof.id), proof.id)


@pytest.mark.parametrize("row", list(ROWS))
def test_row_is_proved(snippet, row):
    proof = equivalence.snippet_of(row)
    assert proof is not None, f"対応表の行 {row} を検証するスニペットがない"
    claim = _claims(snippet, proof).get(row)
    assert claim is not None and claim.kind == "同等", (
        f"{proof.relpath} が [同等] {row} の行を表示していない"
    )
    assert claim.diff <= claim.tol, (
        f"対応表の行「{ROWS[row]}」({row})が一致しない: 最大差 "
        f"{claim.diff:g} > 許容 {claim.tol:g}({proof.relpath})"
    )


@pytest.mark.parametrize("proof", PROOFS, ids=lambda s: s.path.stem)
def test_every_claim_holds(snippet, proof):
    """表に載せない補助の [同等] も一致し、[罠] は本当にずれること。"""
    claims = _claims(snippet, proof).values()
    assert claims, f"{proof.relpath} が比べた結果を表示していない"
    for claim in claims:
        if claim.kind == "罠":
            assert claim.holds, (
                f"罠 {claim.row} が再現しない(書き換えなしでも一致した): "
                f"{claim.text}({proof.relpath})"
            )
        else:
            assert claim.holds, (
                f"{claim.row} が一致しない: {claim.text}({proof.relpath})"
            )


def test_every_proof_is_in_the_table_or_explained(snippet):
    """[同等] の行は、対応表に載せるか、補助の確認として名前を挙げる。"""
    helpers = {
        "roundtrip_torch",
        "roundtrip_keras",
        "batchnorm_moving_var_explained",
    }
    shown = set(ROWS) | helpers
    for proof in PROOFS:
        for claim in _claims(snippet, proof).values():
            if claim.kind == "同等":
                assert claim.row in shown, f"{claim.row} が対応表にない"


def test_pairs_point_to_table_rows():
    for stem, rows in equivalence.PAIRS.items():
        assert all(p.path.is_file() for p in pair(stem)), stem
        missing = [r for r in rows if r not in ROWS]
        assert not missing, f"{stem}: 対応表にない行 {missing}"


def test_claim_lines_are_parsed():
    text = (
        "[同等] adam: 最大差 2.7e-07(許容 1e-06)\n[罠] x: 最大差 3(許容 0)\n"
    )
    claims = equivalence.parse(text)
    assert claims["adam"].holds and claims["adam"].tol == 1e-6
    assert claims["x"].kind == "罠" and claims["x"].holds
    assert not equivalence.Claim("同等", "y", 2e-6, 1e-6).holds
