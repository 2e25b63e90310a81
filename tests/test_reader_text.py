"""読者に向けた本文の検査: サイトの読者が見たことのない「元の文章」に触れない。

読者が読むのは、ページ(``docs/**/*.md``)と、ページに載るスニペット
(``src/snippets/**/*.py``。コメントと docstring も表示される)。どちらにも、
このサイトを書くときに下敷きにした文章(読者は読んでいない)を指す言い方を
書かない。よくある間違いは「古い記事やサンプルでよく見かける書き方ですが…」
のように、それが何なのかを書く。
"""

import re
from pathlib import Path

import pytest

from snippet_pipeline.markers import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_static" not in p.parts)
SNIPPETS = sorted((ROOT / "src" / "snippets").rglob("*.py"))

# 下敷きにした文章を指す言い方(「元のモデル」「元に戻す」「元の大きさ」は
# ふつうの日本語なので対象にしない)
_SOURCE_TALK = re.compile(
    r"元になった|元の(教材|節|文章|解答|問題|例|設定|表|コード|記事|資料|"
    r"テキスト|原稿|説明|記述|版)|原文|原典|原著|元記事|元ネタ"
)


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def source_talk(text: str) -> list[tuple[int, str]]:
    """下敷きにした文章に触れている行(行番号、その行)。"""
    return [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), 1)
        if _SOURCE_TALK.search(line)
    ]


@pytest.mark.parametrize("path", PAGES + SNIPPETS, ids=_rel)
def test_no_talk_of_source_texts(path):
    found = source_talk(path.read_text(encoding="utf-8"))
    assert not found, (
        "読者の読んでいない「元の文章」に触れています。落とし穴はそれが何か"
        "(「古い記事やサンプルでよく見かける書き方ですが…」)として書く:\n"
        + "\n".join(f"{_rel(path)}:{n}: {line}" for n, line in found)
    )


def test_source_talk_pattern():
    """検出する言い方と、検出しないふつうの言い方。"""
    assert source_talk("元の教材は…していました")
    assert source_talk("前提。元になった節: 第4章 4.4")
    assert source_talk("元の解答の `torch.FloatTensor`")
    assert source_talk("元の文章にあった「量産化」")
    assert not source_talk("元のモデルと一致: True")
    assert not source_talk("勾配を元に戻してから更新")
    assert not source_talk("元の大きさに切り出す")


# ---- 表記ルール(CONTRIBUTING.md の表を読む) ----

CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def style_rules(text: str) -> dict[str, str]:
    """CONTRIBUTING.md の「表記ルール」の表: 使わない表記 → 使う表記。"""
    section = text.split("### 表記ルール", 1)[1]
    rules: dict[str, str] = {}
    in_table = False
    for line in section.splitlines():
        if not line.startswith("|"):
            if in_table:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not in_table:  # 見出しの行と区切りの行
            in_table = cells[0] == "---"
            continue
        for variant in cells[1].split("、"):
            if variant.strip():
                rules[variant.strip()] = cells[0]
    return rules


def _variant_pattern(variant: str) -> re.Pattern:
    """variant が、より長い語(サーバ → サーバー、Tensor → TensorFlow)の
    一部としてではなく現れるところ。
    """
    before = r"(?<![A-Za-z.])" if variant[0].isascii() else ""
    after = r"(?![A-Za-z])" if variant[-1].isascii() else r"(?!ー)"
    return re.compile(before + re.escape(variant) + after)


def _prose_lines(text: str):
    """本文の行(コードブロック・インラインコード・リンク先・ロールを除く)。"""
    fence = None
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^\s*(`{3,}|~{3,})", line)
        if m:
            fence = None if fence == m[1] else (fence or m[1])
            continue
        if fence:
            continue
        line = re.sub(r"\{[\w-]+\}`[^`]*`", "", line)
        line = re.sub(r"`[^`]*`", "", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)
        yield n, line


def style_violations(text: str, rules: dict[str, str]) -> list[str]:
    patterns = {v: _variant_pattern(v) for v in rules}
    return [
        f"{n}: 「{v}」→「{rules[v]}」"
        for n, line in _prose_lines(text)
        for v, pattern in patterns.items()
        if pattern.search(line)
    ]


RULES = style_rules(CONTRIBUTING.read_text(encoding="utf-8"))


def test_style_table_is_read():
    assert RULES["サーバ"] == "サーバー"
    assert RULES["検証精度"] == "検証の正解率"
    assert len(RULES) >= 8


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_terms_follow_the_style_table(page):
    found = style_violations(page.read_text(encoding="utf-8"), RULES)
    assert not found, (
        f"{_rel(page)}: CONTRIBUTING.md の表記ルールにない表記:\n"
        + "\n".join(f"{_rel(page)}:{x}" for x in found)
    )


def test_style_check_exempts_code_and_longer_words():
    rules = {"サーバ": "サーバー", "Tensor": "テンソル"}
    assert not style_violations("推論サーバーと TensorFlow", rules)
    assert not style_violations("クラス `torch.Tensor` を使う", rules)
    assert not style_violations("```python\nx = Tensor()\n```", rules)
    assert style_violations("推論サーバへ", rules)
    assert style_violations("Tensor を作る", rules)
