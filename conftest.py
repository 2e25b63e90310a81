"""Sybil の設定: スニペットの docstring とページ中の Python 例を検証する。

- ``src/`` の ``*.py``: docstring 中の ``>>>`` の例(doctest)。
- ``docs/`` の ``*.md``: ```` ```python ```` のコードブロックと ``>>>`` の例。
  ``:load:`` で読み込む ``{code-cell} ipython3`` は対象外(スニペット側で
  tests/ が実行・検証する)。
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers import myst
from sybil.parsers.rest import DocTestParser

FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

pytest_collect_file = (
    Sybil(
        parsers=[DocTestParser(optionflags=FLAGS)],
        patterns=["*.py"],
        path="src",
        name="snippet-docstrings",
    )
    + Sybil(
        parsers=[
            myst.PythonCodeBlockParser(doctest_optionflags=FLAGS),
            myst.SkipParser(),
        ],
        patterns=["*.md"],
        path="docs",
        excludes=["_ext/*", "_static/*"],
        name="pages",
    )
).pytest()
