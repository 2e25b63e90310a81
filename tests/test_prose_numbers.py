"""本文の数値は実行結果から: ``{snippet-value}`` の照合と、囲み忘れの検出。

- ロールで引用した数値が、そのページのスニペットの出力にあること
  (スニペットを変えて数値が変われば、ページの行と数値を示して失敗する)。
- 本文に、ロールで囲まずに実行結果の数値を書いていないこと。そのページの
  出力には現れるが、スニペットのコード(設定した値)には現れない数は、実行
  して得た値なので、ロールで囲む。設定やバージョンのように実行結果では
  ない数は ``NOT_RESULTS`` に理由とともに挙げる。
"""

import re
from pathlib import Path

import pytest

from snippet_pipeline import records, values
from snippet_pipeline.markers import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_static" not in p.parts)
WITH_VALUES = [p for p in PAGES if values.page_values(p.read_text("utf-8"))]

# 出力に現れても実行結果ではない数(ページ → {数: 理由})
NOT_RESULTS = {
    "docs/basics/install.md": {
        "3.10": "Python の版(要件)",
        "3.11": "Python の版(要件)",
    },
    "docs/practice/techniques/gpu_memory.md": {"16": "16 ビット(形式の名前)"},
    "docs/roadmap/faq.md": {"2.0": "Apache-2.0(ライセンスの名前)"},
    "docs/roadmap/memory.md": {"16": "16 ビット(形式の名前)"},
}
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?:e-?\d+)?")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _stdout(snippet, s) -> str:
    """スニペットの出力(記録があればそれを、なければ実行して)。"""
    record = records.load(s)
    if record is None:
        return snippet.stdout(s.id)
    return records.text_of(record["outputs"])


def _outputs(snippet, page: Path) -> dict[str, str | None]:
    text = page.read_text(encoding="utf-8")
    found = {}
    for s in values.page_snippets(text, page):
        found[s.id] = _stdout(snippet, s) if s.runnable_here else None
    return found


@pytest.mark.parametrize("page", WITH_VALUES, ids=_rel)
def test_quoted_numbers_are_in_the_outputs(snippet, page):
    text = page.read_text(encoding="utf-8")
    outputs = _outputs(snippet, page)
    problems = []
    for value in values.page_values(text):
        pinned = value.snippet and outputs.get(value.snippet, "") is None
        if pinned:
            continue  # GPU のスニペット: この環境では照合できない
        problem = values.check(value, outputs)
        if problem:
            problems.append(f"{_rel(page)}:{value.line}: {problem}")
    assert not problems, "\n".join(problems)


def prose_numbers(text: str) -> list[tuple[int, str]]:
    """本文(コード・ロール・リンク・数式を除く)の数(行番号、数)。"""
    found, fence = [], None
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^(`{3,}|~{3,})", line)
        if m:
            fence = None if fence == m[1] else (fence or m[1])
            continue
        if fence:
            continue
        line = re.sub(r"\{[\w-]+\}`[^`]*`", "", line)  # ロール
        line = re.sub(r"`[^`]*`", "", line)
        line = re.sub(r"\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\$[^$]*\$", "", line)
        found += [(n, x) for x in _NUMBER.findall(line)]
    return found


def _whole(number: str, text: str) -> bool:
    return values.find(number, text) or values.find(
        number.replace(",", ""), text.replace(",", "")
    )


def _in_code(number: str, code: str) -> bool:
    """コードに設定した値か(``17`` は ``17.0`` とも書ける)。"""
    core = re.escape(number.replace(",", ""))
    pattern = r"(?<![\w.])" + core + r"(?:\.0*)?(?![\w.])"
    return re.search(pattern, code.replace("_", "")) is not None


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_numbers_from_outputs_use_the_role(snippet, page):
    text = page.read_text(encoding="utf-8")
    snippets = values.page_snippets(text, page)
    runnable = [s for s in snippets if s.runnable_here and not s.helper_of]
    if not runnable:
        return
    out = "\n".join(_stdout(snippet, s) for s in runnable)
    code = "\n".join(s.source for s in snippets)
    exempt = NOT_RESULTS.get(_rel(page), {})
    typed = [
        f"{_rel(page)}:{n}: {x}"
        for n, x in prose_numbers(text)
        if x not in exempt
        # 1 桁の整数は数え方(「2 つ」など)と区別できないので除く
        and (len(x) > 1 or "." in x)
        and _whole(x, out)
        and not _in_code(x, code)
    ]
    assert not typed, (
        "実行結果の数値を手で書いています。"
        "{snippet-value}`数` で囲んで出力と照合する:\n" + "\n".join(typed)
    )


def test_role_parsing_and_matching():
    v = values.parse("0.742 <roadmap/troubleshooting/val_plateau>")
    assert (v.number, v.snippet) == (
        "0.742",
        "roadmap/troubleshooting/val_plateau",
    )
    assert values.parse("16").snippet is None
    v = values.parse("発散 {10} / 20 <basics/x>")
    assert (v.number, v.search) == ("10", "発散 10 / 20")
    assert v.snippet == "basics/x"
    assert values.check(v, {"basics/x": "発散 10 / 20、収束 5 / 20"}) is None
    assert values.check(v, {"basics/x": "発散 9 / 20、標準偏差 10"})
    assert values.find("0.742", "val_acc 0.742, val_loss")
    assert not values.find("0.74", "val_acc 0.742")
    assert not values.find("16", "epoch 160")
    assert not values.find("2.7", "12.7")
    assert values.check(values.Value("3", None), {"a": "x 4"}) is not None
