"""読者の環境: 読者がコピーしたコードやダウンロードしたノートブックを
動かす環境の約束。

- 環境変数は PATH・HOME・LANG だけ。プロジェクトがビルドで使う変数
  (``records.ENVIRONMENT``)は渡さない。ただし、並べて実行するための
  ``OMP_WAIT_POLICY=PASSIVE`` を足す(``SCHEDULING``)。
- 使えるパッケージは、インストールのページのコマンド
  (``{reader-install}``、``pyproject.toml`` の dependencies)が入れるものと、
  その依存だけ。
"""

import os
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from snippet_pipeline import reader_env as install

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("DOCS_BUILDDIR", ROOT / "_build")) / "html"


#: 読者の実行を 2 つずつ並べるための設定(読者の端末にはないもの)。
#: OpenMP(torch と MKL)のスレッドは、仕事を待つ間 CPU を回し続けるのが
#: 既定で、並んだもう 1 つの実行の CPU を奪う(この 2 コアの機械では全体が
#: 2 割ほど遅くなる)。PASSIVE は待つスレッドを眠らせるだけで、スレッドの
#: 数も計算の分け方も変えない(出力は変わらない)
SCHEDULING = {"OMP_WAIT_POLICY": "PASSIVE"}


def reader_env(python: Path, home: Path) -> dict[str, str]:
    """読者の端末の環境変数(プロジェクトの変数を含まない)と SCHEDULING。"""
    return {
        "PATH": f"{python.parent}:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        **SCHEDULING,
    }


def _name(requirement: str) -> str:
    return re.split(r"[\s;\[<>=!~]", requirement, maxsplit=1)[0].lower()


@cache
def reader_distributions() -> frozenset[str]:
    """インストールのコマンドが入れるパッケージ(依存をたどったもの)。"""
    todo = [_name(r) for r in install.pins()]
    seen: set[str] = set()
    while todo:
        name = todo.pop().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if "extra ==" not in r]
    return frozenset(seen)


@cache
def _owners() -> dict[str, list[str]]:
    return metadata.packages_distributions()


def importable_by_reader(module: str) -> bool:
    """module(最上位の名前)が、標準ライブラリか読者のパッケージにあるか。"""
    if module in sys.stdlib_module_names:
        return True
    owners = _owners().get(module, [])
    return any(
        o.lower().replace("_", "-") in reader_distributions() for o in owners
    )
