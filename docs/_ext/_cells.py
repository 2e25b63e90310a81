"""MyST ページ中の ``{code-cell}`` を読むための共通部品(_ext 内専用)。"""

import re
from dataclasses import dataclass
from pathlib import Path

# ```{code-cell} ipython3  に続くオプション行(:load: や :tags:)をまとめて拾う
_CELL = re.compile(
    r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n((?:[ \t]*:[^\n]*\n)*)", re.M
)
_OPTION = re.compile(r"^[ \t]*:([\w-]+):[ \t]*(.*?)[ \t]*$")


@dataclass
class Cell:
    """ページ中の 1 つの code-cell。"""

    lineno: int  # 1 始まりの、オプション行の先頭行
    options: dict[str, tuple[int, str]]  # 名前 -> (行番号, 値)

    def load(self, page: Path) -> Path | None:
        """``:load:`` で読み込むファイルの絶対パス(なければ None)。"""
        if "load" not in self.options:
            return None
        return (page.parent / self.options["load"][1]).resolve()

    @property
    def tags(self) -> list[str]:
        raw = self.options.get("tags", (0, "[]"))[1].strip()
        return [
            t.strip(" '\"") for t in raw.strip("[]").split(",") if t.strip()
        ]


def code_cells(text: str) -> list[Cell]:
    """ページの本文から code-cell とそのオプションを取り出す。"""
    cells = []
    for match in _CELL.finditer(text):
        first = text.count("\n", 0, match.start(2)) + 1
        options = {}
        for i, line in enumerate(match.group(2).splitlines()):
            opt = _OPTION.match(line)
            if opt:
                options[opt.group(1)] = (first + i, opt.group(2))
        cells.append(Cell(first, options))
    return cells
