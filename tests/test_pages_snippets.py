"""ページとスニペットの対応: 事実はスニペットにだけ書き、コードはすべて
スニペットから載せ、どのスニペットもどこかのページに載っていること。
"""

import re
from pathlib import Path

import pytest
from code_imports import TF_SETUP, first_tf_import, parse

from snippet_pipeline.markers import ROOT, all_snippets
from snippet_pipeline.pages import uses

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_static" not in p.parts)
# ページに直接書いた Python のコード(スニペットから載せていないもの)
_TYPED_CODE = re.compile(
    r"^(`{3,}|~{3,})(\{code-cell\}|\{code-block\}\s*(python|pycon)|"
    r"(python|py|pycon|ipython3?)\s*$)",
    re.M,
)
# スニペットのマーカーから導くタグ(ページには書かない)
_FACT_TAGS = re.compile(r"^\s*:tags:.*\b(gpu|raises-exception|nondet)", re.M)


def _rel(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_page_code_comes_from_snippets(page):
    text = page.read_text(encoding="utf-8")
    typed = [
        f"{_rel(page)}:{text.count(chr(10), 0, m.start()) + 1}"
        for m in _TYPED_CODE.finditer(text)
    ]
    assert not typed, f"コードはスニペットにして {{snippet}} で載せる: {typed}"
    assert not _FACT_TAGS.search(text), (
        f"{_rel(page)}: gpu などの事実はスニペットのマーカーに書く"
    )
    names = [s.id for u in uses(text, page) for s in u.snippets]
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, (
        f"{_rel(page)}: 同じスニペットを 2 回載せています: {twice}"
    )
    for use in uses(text, page):
        for snippet in use.snippets:
            line = use.start + 1
            assert snippet.path.is_file(), (
                f"{_rel(page)}:{line}: {snippet.relpath} がありません"
            )


def test_every_snippet_is_on_a_page():
    shown = {
        s.id
        for page in PAGES
        for u in uses(page.read_text(encoding="utf-8"), page)
        for s in u.snippets
    }
    helpers = {s.id: s.helper_of for s in all_snippets() if s.helper_of}
    missing = [
        s.relpath
        for s in all_snippets()
        if s.id not in shown and s.id not in helpers
    ]
    assert not missing, (
        "どのページにも載っていないスニペット(載せるか、部品なら "
        f"`# helper: 実行するスニペット` を書く): {missing}"
    )
    for helper, runner in helpers.items():
        assert runner in shown, f"{helper} を実行する {runner} がページにない"
        source = (ROOT / "src/snippets" / f"{runner}.py").read_text("utf-8")
        assert Path(helper).name in source, (
            f"{runner} は部品 {helper} を使っていません"
        )


def test_tensorflow_settings_are_in_the_snippet():
    """TensorFlow を使うスニペットは、ログと oneDNN の設定(TF_SETUP の
    2 行)を、TensorFlow を import する前に自分で行う(ビルドは設定しない:
    読者の実行と同じ出力にするため。設定がビルドの環境変数にだけあると、
    読者には見えない)。
    """
    missing = []
    for snippet in all_snippets():
        first = first_tf_import(parse(snippet.source))
        if first is None:
            continue
        lines = snippet.source.splitlines()[: first - 1]
        missing += [
            f"{snippet.relpath}: {line}"
            for line in TF_SETUP
            if line not in lines
        ]
    assert not missing, missing
