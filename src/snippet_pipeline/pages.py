"""ページの原稿の中で、スニペットを載せる場所を探す(Sphinx には依存しない)。

ビルドはディレクティブとして処理するので、これを使うのはノートブックの
書き出しと、ページとスニペットの対応を確かめるテスト。
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .markers import SNIPPETS, Snippet

_DIRECTIVE = re.compile(
    r"^(`{3,}|~{3,})\{(snippet|snippet-pair|literalinclude)\}\s+(\S+)"
)


@dataclass
class Use:
    """ページの 1 か所(ディレクティブ 1 つ)が載せるスニペット。"""

    kind: str  # snippet / snippet-pair / literalinclude
    argument: str  # ページに書かれた引数
    start: int  # 0 始まりの行番号(開きのフェンス)
    end: int  # 閉じのフェンスの次の行
    snippets: list[Snippet]


def pair(stem: str) -> list[Snippet]:
    """``snippet-pair`` の 2 つ: ``<stem>_torch.py`` と ``_keras``/``_tf``。"""
    found = [Snippet(SNIPPETS / f"{stem}_torch.py")]
    keras = [SNIPPETS / f"{stem}{s}.py" for s in ("_keras", "_tf")]
    found.append(Snippet(next((p for p in keras if p.is_file()), keras[0])))
    return found


def uses(text: str, page: Path) -> list[Use]:
    """ページの原稿 text(ファイル page)がスニペットを載せる場所。"""
    lines = text.splitlines()
    found, i = [], 0
    while i < len(lines):
        match = _DIRECTIVE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, kind, arg = match.groups()
        end = i + 1
        while end < len(lines) and lines[end].strip() != fence:
            end += 1
        if kind == "snippet":
            snippets = [Snippet(SNIPPETS / arg)]
        elif kind == "snippet-pair":
            snippets = pair(arg)
        else:
            path = (page.parent / arg).resolve()
            inside = path.is_relative_to(SNIPPETS)
            snippets = [Snippet(path)] if inside else []
        found.append(Use(kind, arg, i, end + 1, snippets))
        i = end + 1
    return found
