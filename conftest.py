"""Sybil の設定: スニペットの docstring とページ中の Python 例を検証する。

- ``src/`` の ``*.py``: docstring 中の ``>>>`` の例(doctest)。
- ``docs/`` の ``*.md``: ```` ```python ```` のコードブロックと ``>>>`` の例。
  ただしページのコードはすべてスニペットから載せる約束なので
  (tests/test_pages_snippets.py)、ふつうは何も集めない。スニペットそのものは
  ``snippet`` フィクスチャ(snippet_pipeline.pytest_plugin)が実行する。

構文エラーのあるスニペットは、Sybil が docstring を読めずに収集全体が止まって
しまうので、「ファイル:行: SyntaxError」と報告する 1 件の失敗テストにする。

テストの前後で ``git status`` を比べ、テストが作業ツリーにファイルを残したら
(すべてのテストが通っても)失敗にする。
"""

import ast
import subprocess
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers import myst
from sybil.parsers.rest import DocTestParser

#: snippet フィクスチャ(スニペットの実行器)と --shard
pytest_plugins = ["snippet_pipeline.pytest_plugin"]

FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_sybil_collect_file = (
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


class _SyntaxErrorItem(pytest.Item):
    def __init__(self, *, error: SyntaxError, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def runtest(self):
        raise self.error

    def repr_failure(self, excinfo, style=None):
        err = self.error
        where = f"{self.path.relative_to(self.config.rootpath)}:{err.lineno}"
        lines = [f"{where}: SyntaxError: {err.msg}"]
        if err.text:
            lines.append("    " + err.text.rstrip())
        return "\n".join(lines)

    def reportinfo(self):
        return self.path, (self.error.lineno or 1) - 1, "syntax"


class _SyntaxErrorFile(pytest.File):
    def __init__(self, *, error: SyntaxError, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def collect(self):
        yield _SyntaxErrorItem.from_parent(
            self, name="syntax", error=self.error
        )


def pytest_collect_file(file_path: Path, parent):
    collector = _sybil_collect_file(file_path, parent)
    if collector is not None and file_path.suffix == ".py":
        try:
            ast.parse(file_path.read_bytes(), filename=str(file_path))
        except SyntaxError as error:
            return _SyntaxErrorFile.from_parent(
                parent, path=file_path, error=error
            )
    return collector


# ============================================================================
# テストが作業ツリーを汚さないこと
# ============================================================================
def _git_status(root: Path) -> set[str] | None:
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return set(out.stdout.splitlines()) if out.returncode == 0 else None


def pytest_sessionstart(session):
    session.config.stash[_STATUS] = _git_status(session.config.rootpath)


def pytest_sessionfinish(session, exitstatus):
    before = session.config.stash.get(_STATUS, None)
    if before is None or exitstatus not in (0, pytest.ExitCode.TESTS_FAILED):
        return
    new = sorted((_git_status(session.config.rootpath) or set()) - before)
    if new:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = "\n".join("  " + line for line in new)
        message = (
            "テストが作業ツリーにファイルを残しました(git status):\n"
            f"{lines}\n一時ファイルは tmp_path か "
            "tempfile.TemporaryDirectory() の中に作ってください。"
        )
        if reporter is not None:
            reporter.write_sep("=", "作業ツリーが汚れました", red=True)
            reporter.write_line(message)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_STATUS = pytest.StashKey[set[str] | None]()
