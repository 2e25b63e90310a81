"""サイトの構成の検査: どの本文ページも同じ形で始まり、題が重ならない。

本文ページ(章)は、4 つの部(``basics``・``reference``・``practice``・
``roadmap``)の下のページのうち、目次だけのページ(``index.md``)を除いた
もの。トップページ・付録(用語集、実行環境、ビルドの記録など、章として
読むものではない)・404 は本文ページではない。
"""

import re
from pathlib import Path

import pytest

from snippet_pipeline.markers import ROOT

DOCS = ROOT / "docs"
PARTS = ("basics", "reference", "practice", "roadmap")
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_static" not in p.parts)
CONTENT_PAGES = [
    p
    for p in PAGES
    if p.relative_to(DOCS).parts[0] in PARTS and p.name != "index.md"
]

# 見出しの直後の 2 つの囲み(MyST の ::: または ``` の admonition)
_ADMONITION = re.compile(r"^(:{3,}|`{3,})\{admonition\}\s*(?P<title>.+)$")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def opening(text: str) -> list[str]:
    """最初の見出しの後、本文が始まるまでに並ぶ囲みの題。"""
    titles: list[str] = []
    fence = None
    for line in text.splitlines()[1:]:
        if fence:
            if line.strip() == fence:
                fence = None
            continue
        if not line.strip():
            continue
        m = _ADMONITION.match(line.strip())
        if not m:
            break
        titles.append(m["title"].strip())
        fence = m.group(1)
    return titles


def test_content_pages_found():
    assert len(CONTENT_PAGES) > 40


@pytest.mark.parametrize("page", CONTENT_PAGES, ids=_rel)
def test_page_opens_with_goals_and_prerequisites(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# "), f"{_rel(page)}: 最初の行が見出しではない"
    assert opening(text)[:2] == ["この章で学ぶこと", "前提"], (
        f"{_rel(page)}: 見出しの直後に「この章で学ぶこと」と「前提」の囲みを"
        f"置く(いまは {opening(text)[:2]})"
    )


# 同じテーマを別の部で扱うページ。部ごとの役割(入門・リファレンス・実務)を
# 題に書き、互いにリンクする。
ROLE = {"basics": "入門", "practice": "入門", "reference": "リファレンス",
        "roadmap": "実務"}  # fmt: skip
TOPICS = {
    "インストール": ["basics/install.md", "reference/install.md"],
    "テンソル": ["practice/pytorch_intro/tensors.md", "reference/tensors.md"],
    "自動微分": [
        "practice/pytorch_intro/autograd.md",
        "reference/autograd.md",
    ],
    "nn.Module": ["practice/pytorch_intro/modules.md", "reference/modules.md"],
    "GPU": [
        "practice/pytorch_intro/gpu.md",
        "reference/cuda.md",
        "roadmap/gpu_distributed.md",
    ],
    "学習ループ": [
        "practice/pytorch_intro/training_loop.md",
        "roadmap/training_eval.md",
    ],
    "データの読み込み": [
        "practice/model_building/dataloader.md",
        "reference/data.md",
        "roadmap/training_eval.md",
    ],
    "損失関数とオプティマイザ": [
        "practice/model_building/loss_optimizers.md",
        "reference/losses.md",
        "reference/optimizers.md",
        "roadmap/training_eval.md",
    ],
    "学習率スケジューラ": [
        "practice/techniques/lr_scheduling.md",
        "reference/schedulers.md",
        "roadmap/training_eval.md",
    ],
    "保存と読み込み": [
        "practice/techniques/save_load.md",
        "roadmap/save_deploy.md",
    ],
    "メモリ": ["practice/techniques/gpu_memory.md", "roadmap/memory.md"],
    "学習の記録と可視化": [
        "practice/model_building/visualization.md",
        "roadmap/debugging.md",
    ],
}
_LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)]*)?\)")


def title(page: Path) -> str:
    """ページの題(最初の見出し)。"""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise AssertionError(f"{_rel(page)}: 見出しがない")


def links(page: Path) -> set[Path]:
    """ページからリンクしているページ。"""
    text = page.read_text(encoding="utf-8")
    return {(page.parent / m[1]).resolve() for m in _LINK.finditer(text)}


def test_no_two_pages_share_a_title():
    by_title: dict[str, list[str]] = {}
    for page in PAGES:
        if page.name != "404.md":
            by_title.setdefault(title(page), []).append(_rel(page))
    shared = {t: ps for t, ps in by_title.items() if len(ps) > 1}
    assert not shared, f"同じ題のページがある: {shared}"


@pytest.mark.parametrize("topic", TOPICS)
def test_same_topic_pages_say_their_role_and_link(topic):
    pages = [DOCS / rel for rel in TOPICS[topic]]
    problems = []
    for page in pages:
        role = ROLE[page.relative_to(DOCS).parts[0]]
        if f"({role})" not in title(page):
            problems.append(f"{_rel(page)}: 題に「({role})」がない")
        missing = [
            _rel(other)
            for other in pages
            if other != page and other.resolve() not in links(page)
        ]
        if missing:
            problems.append(f"{_rel(page)}: {missing} へのリンクがない")
    assert not problems, f"「{topic}」のページ:\n" + "\n".join(problems)
