"""故障注入テスト用の、最小の一時サイト。

本物の設定と仕組み(``conf.py``・``src/snippet_pipeline``・``docs/_static``・
``docs/_templates``・``docs/locales``・``conftest.py``・``tests/test_snippets_run.py``・``pyproject.toml``)を
一時ディレクトリに写し、わざと壊したページとスニペットを置く。本物の
作業ツリーには何も書かない。
"""

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# スニペット: faults/<ページ>/<名前>.py -> 本文。行番号をテストで確かめるので、
# 壊れた行の位置を変えるときは FAULT_LINES も直す。
SNIPPETS = {
    "syntax/broken": '''\
        """構文エラーのあるスニペット。"""

        values = [1, 2, 3]
        total = sum(values
        print(total)
        ''',
    "raises/boom": '''\
        """実行すると例外を出すスニペット。"""

        numbers = {"a": 1}
        print("start")
        print(numbers["b"])
        ''',
    "doctest/wrong": '''\
        """docstring の出力が間違っているスニペット。

        >>> 1 + 1
        3
        """

        print("ok")
        ''',
    "hang/forever": '''\
        """終わらないスニペット。"""

        import time

        print("start")
        while True:
            time.sleep(0.1)
        ''',
    "deprecated/old_api": '''\
        """非推奨の API を使うスニペット。"""

        import locale

        language, encoding = locale.getdefaultlocale()
        print(encoding)
        ''',
    "gpu/needs_cuda": '''\
        """CUDA が必要なスニペット。"""

        # requires: cuda
        import torch

        print(torch.cuda.get_device_name(0))
        ''',
    "ok/fine": '''\
        """正常なスニペット。"""

        print("正常")
        ''',
    "pair/unproved_torch": '''\
        """対の PyTorch 側(同等性は証明していない)。"""

        print("torch")
        ''',
    "pair/unproved_keras": '''\
        """対の Keras 側。"""

        print("keras")
        ''',
    "ok/writes": '''\
        """作業ディレクトリにファイルを書くスニペット(一時ディレクトリで実行)。"""

        from pathlib import Path

        Path("written_by_snippet.txt").write_text("x", encoding="utf-8")
        print("書きました")
        ''',
}

# 同等性の証明(付録の対応表が読む場所に置く): 許容を超えた [同等] の行
PROOF = (
    "appendix/correspondence/broken",
    '''\
        """同等のはずの組が一致しない証明のスニペット。"""

        print("[同等] broken_row: 最大差 0.5(許容 1e-06)")
        ''',
)

# テストが作業ツリーに残すファイル(残したことが報告されるか確かめる)
LITTER_TEST = """\
from pathlib import Path


def test_leaves_a_file():
    Path(__file__).parent.parent.joinpath("litter.txt").write_text("x")
"""

# 各故障の「直すべき行」(スニペットのファイル名, 行番号)
FAULT_LINES = {
    "syntax": ("src/snippets/faults/syntax/broken.py", 4),
    "raises": ("src/snippets/faults/raises/boom.py", 5),
    "doctest": ("src/snippets/faults/doctest/wrong.py", 3),
    "hang": ("src/snippets/faults/hang/forever.py", 7),
    "deprecated": ("src/snippets/faults/deprecated/old_api.py", 5),
}


def _cell(snippet: str) -> str:
    return f"```{{snippet}} faults/{snippet}.py\n```\n"


# ページ: docs/faults/<名前>.md。本文中の行番号をテストで確かめる。
PAGES = {
    "syntax": _cell("syntax/broken"),
    "raises": _cell("raises/boom"),
    "hang": _cell("ok/fine")
    + "\n"
    + _cell("ok/writes")
    + "\n"
    + _cell("hang/forever"),
    "deprecated": _cell("deprecated/old_api"),
    "gpu": _cell("ok/fine") + "\n" + _cell("gpu/needs_cuda"),
    "missing_snippet": "本文。\n\n" + _cell("nowhere/missing"),
    "pair": "```{snippet-pair} faults/pair/unproved\n```\n",
    "xref": ("本文。\n\n[存在しないページ](no_such_page.md) を参照。\n"),
    "equivalence": "```{equivalence-table}\n| やること | 検証 |\n|---|---|\n"
    "| 壊れた行 | broken_row |\n```\n\n"
    f"```{{snippet}} {PROOF[0]}.py\n```\n",
}


def page_line(name: str, needle: str) -> int:
    """ページ ``name`` の中で ``needle`` を含む行の番号(1 始まり)。"""
    text = (f"# {name}\n\n" + PAGES[name]).splitlines()
    return next(i for i, line in enumerate(text, 1) if needle in line)


def site_env(root: Path, **extra: str) -> dict[str, str]:
    """一時サイトでビルドやテストを動かす環境変数(このプロセスの pytest と
    ビルドの設定を持ち込まず、GPU のある機械でも CPU だけの環境にする)。
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST_", "DOCS_")) and k != "FORCE_COLOR"
    }
    env.update(
        PYTHONPATH=str(root / "src"),
        DOCS_BUILDDIR=str(root / "_build"),
        DOCS_GPU="0",
        # CI などで色付けの制御文字が行頭に入らないように
        NO_COLOR="1",
        **extra,
    )
    return env


def make_site(
    dest: Path, snippets: dict | None = None, pages: dict | None = None
) -> Path:
    """``dest`` に一時サイトを作り、そのルートを返す。

    snippets・pages を与えると、故障のページの代わりにそれを置く
    (形は SNIPPETS・PAGES と同じ)。
    """
    snippet_bodies = SNIPPETS if snippets is None else snippets
    page_bodies = PAGES if pages is None else pages
    for name in ("conf.py", "conftest.py", "pyproject.toml", ".gitignore"):
        shutil.copy(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__")
    for sub in (
        "docs/_static",
        "docs/_templates",
        "docs/locales",
        "src/snippet_pipeline",
    ):
        shutil.copytree(ROOT / sub, dest / sub, ignore=ignore)
    (dest / "tests").mkdir()
    for name in ("conftest.py", "test_snippets_run.py"):
        shutil.copy(ROOT / "tests" / name, dest / "tests" / name)
    (dest / "tests/test_litter.py").write_text(LITTER_TEST, encoding="utf-8")

    snippets = dest / "src/snippets"
    (snippets / "faults").mkdir(parents=True)
    for pkg in (snippets, snippets / "faults"):
        (pkg / "__init__.py").touch()
    for name, body in snippet_bodies.items():
        path = snippets / "faults" / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(textwrap.dedent(body), encoding="utf-8")

    proof = snippets / f"{PROOF[0]}.py"
    proof.parent.mkdir(parents=True)
    for pkg in (proof.parent.parent, proof.parent):
        (pkg / "__init__.py").touch()
    proof.write_text(textwrap.dedent(PROOF[1]), encoding="utf-8")

    docs = dest / "docs"
    (docs / "faults").mkdir()
    toc = "\n".join(f"faults/{name}" for name in page_bodies)
    (docs / "index.md").write_text(
        f"# 故障注入\n\n```{{toctree}}\n{toc}\n```\n", encoding="utf-8"
    )
    for name, body in page_bodies.items():
        text = f"# {name}\n\n" + body
        (docs / "faults" / f"{name}.md").write_text(text, encoding="utf-8")
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "fault site")
    return dest


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=faults", "-c", "user.email=faults@invalid"]
        + ["-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def git_status(cwd: Path) -> list[str]:
    return _git(cwd, "status", "--porcelain", "--untracked-files=all").split(
        "\n"
    )
