"""ビルドしたページから、コピーボタンが写すコードと、その下の出力を読む。

コピーボタン(sphinx-copybutton)と同じ手順: ``copybutton_selector`` に合う
``pre`` から ``copybutton_exclude`` の要素を除いた文字列に、プロンプトの
規則(``copybutton_prompt_text`` など)を当てる。設定は conf.py から読む。
ブラウザの中で写したものと同じであることは、tests/browser の
コピーのテストが確かめる。
"""

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]


def _conf() -> dict:
    namespace: dict = {"__file__": str(ROOT / "conf.py")}
    exec(compile((ROOT / "conf.py").read_text(), "conf.py", "exec"), namespace)
    return namespace


CONF = _conf()


@dataclass
class Block:
    page: str  # サイト内のパス(practice/…/autograd.html)
    language: str  # python、pycon、sh など
    code: str  # コピーされる文字列
    shown_output: str  # コードの下に表示した出力(標準出力)
    nondeterministic: bool
    shown: str = ""  # 表示したままの文字列(対話モードの例はプロンプトつき)


def format_copy_text(text: str) -> str:
    """sphinx-copybutton の formatCopyText(行の継続と here-doc は未使用)。"""
    prompt = CONF["copybutton_prompt_text"]
    if not CONF.get("copybutton_prompt_is_regexp"):
        prompt = re.escape(prompt)
    regexp = re.compile(f"^({prompt})(.*)")
    only_prompt_lines = CONF.get("copybutton_only_copy_prompt_lines", True)
    lines, found = [], False
    for line in text.split("\n"):
        match = regexp.match(line)
        if match:
            found = True
            lines.append(match.group(2))
        elif not only_prompt_lines or line.strip() == "":
            lines.append(line)
    if found:
        text = "\n".join(lines)
    return text[:-1] if text.endswith("\n") else text


def blocks(site: Path) -> list[Block]:
    found = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("_static/", "_sources/")):
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for pre in soup.select(CONF["copybutton_selector"]):
            highlight = pre.find_parent("div", class_="highlight").parent
            language = next(
                (
                    c.removeprefix("highlight-")
                    for c in highlight.get("class", [])
                    if c.startswith("highlight-")
                ),
                "",
            )
            clone = copy.copy(pre)
            for node in clone.select(CONF["copybutton_exclude"]):
                node.decompose()
            cell = pre.find_parent("div", class_="cell")
            if cell is not None:
                shown = "".join(
                    o.select_one("pre").get_text()
                    for o in cell.select("div.cell_output div.output.stream")
                    if "stderr" not in o.get("class", [])
                )
                nondeterministic = "tag_nondeterministic" in cell["class"]
            else:  # 対話モードの例: 出力は >>> の行の後に表示したもの
                shown = "".join(o.get_text() + "\n" for o in pre.select(".go"))
                nondeterministic = False
            found.append(
                Block(
                    rel,
                    language,
                    format_copy_text(clone.get_text()),
                    shown,
                    nondeterministic,
                    pre.get_text(),
                )
            )
    return found
