"""コピーしたコードは、読者の機械で単独で動き、ページのとおりに出力する。

ビルドしたページから、コピーボタンが写す文字列を読み(``copying.py``)、
読者と同じように動かす: 空の一時フォルダにファイルとして保存し、
読者の環境(``conftest.py``: プロジェクトのパッケージも環境変数もない)の
新しいプロセスで実行する。

- Python のコード: ``python <ファイル名>``。標準出力は、ページがコードの下に
  表示した出力と一字一句同じ(実行ごとに変わると印を付けたセルを除く)。
  標準エラーには何も出ない(例外で終わることがページの内容のコードと、
  GPU のない機械の GPU 用コードは、その 1 文で終わる)。
- 対話モードの例(``>>>``): 対話モードの Python に貼り付ける
  (``python -i``)。表示される値は、ページの ``>>>`` の下の行と同じ。
- シェルのコマンド(インストールの手順など)は実行しない(パッケージを
  ダウンロードするため)。数だけを確かめる。

同じファイルが複数のページに載っていれば、実行は 1 度にまとめる。
"""

import re
import tempfile
import warnings
from pathlib import Path

import pytest
from code_imports import parse, top_level_imports
from reader.copying import Block, blocks
from reader.environment import importable_by_reader
from reader.standalone import (
    Runner,
    kind,
    parallel,
    recorded_seconds,
    snippet_files,
)

from snippet_pipeline.markers import Snippet, all_snippets


@pytest.fixture(scope="module", autouse=True)
def _servers(runner):
    """fork サーバーの import(数秒)を、ページを読む間に進めておく。"""
    for how in ("torch", "tf"):
        runner.start(how)


@pytest.fixture(scope="module")
def copied(site) -> list[Block]:
    found = blocks(site)
    assert found, "コピーボタンのあるコードがありません"
    return found


def _run(
    runner: Runner,
    block: Block,
    snippet: Snippet | None,
    how: str | None = None,
):
    """読者と同じように、空のフォルダでコピーしたコードを実行する
    (how は standalone.kind の答え。既定はコードから決める)。"""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "work"
        folder.mkdir()
        if block.language == "pycon":
            return _console(runner, block, folder)
        file = folder / (snippet.path.name if snippet else "example.py")
        file.write_text(block.code + "\n", encoding="utf-8")
        # 部品(# helper:)を使うコードは、部品を同じフォルダに置いて動かす
        # (ページの説明どおり。部品も同じページからコピーできる)
        for other in all_snippets():
            if snippet and other.helper_of == snippet.id:
                (folder / other.path.name).write_text(other.source)
        return runner.run(file, how)


# 表示した対話モードの例を、読者の環境で doctest として確かめる(サイトの
# doctest と同じフラグ)。失敗は標準出力に書かれ、終了コードが 1 になる
_DOCTEST = """
import doctest, sys
test = doctest.DocTestParser().get_doctest(
    sys.stdin.read(), {"__name__": "__main__"}, "page", None, 0
)
runner = doctest.DocTestRunner(
    optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
)
runner.run(test)
sys.exit(1 if runner.failures else 0)
"""


def _as_doctest(shown: str) -> str:
    """表示の、出力の途中の空行を doctest の書き方(<BLANKLINE>)に戻す。"""
    lines = shown.splitlines()
    for i in range(1, len(lines) - 1):
        after = lines[i + 1]
        if (
            not lines[i].strip()
            and after.strip()
            and not after.startswith((">>>", "..."))
        ):
            lines[i] = "<BLANKLINE>"
    return "\n".join(lines) + "\n"


def _console(runner: Runner, block: Block, folder: Path):
    """対話モードの例: 表示どおりの結果になるか(doctest)と、コピーしたものを
    対話モードの Python に貼り付けて動くか。どちらも新しいプロセスで
    (``python -c`` と ``python -i -q``。standalone.py)。"""
    how = kind(block.code)
    shown = runner.command(_DOCTEST, _as_doctest(block.shown), folder, how)
    pasted = runner.console(block.code + "\n", folder, how)
    return shown, pasted


@pytest.fixture(scope="module")
def runs(copied, runner):
    """Python と対話モードの例をすべて、並列に 1 度ずつ実行した結果。"""
    files = snippet_files()
    todo = {}
    for block in copied:
        if block.language in ("python", "pycon"):
            snippet = files.get(block.code.rstrip("\n"))
            if snippet is not None and snippet.helper_of:
                continue  # 部品は、使う側と一緒に実行される
            todo.setdefault((block.language, block.code), (block, snippet))
    items = list(todo.items())
    results = parallel(
        lambda item: _run(runner, *item[1]),
        items,
        weight=lambda item: recorded_seconds(item[0][1]),
    )
    return {
        key: result for (key, _), result in zip(items, results, strict=True)
    }


def test_every_copyable_block_is_known(copied):
    """コピーできるのは Python・対話モード・シェルのコードだけで、Python の
    コードはどれもスニペットのファイル全体と同じ(一部だけのコピーはない)。
    """
    files = snippet_files()
    kinds = {b.language for b in copied}
    assert kinds <= {"python", "pycon", "sh"}, kinds
    partial = [
        b.page
        for b in copied
        if b.language == "python" and b.code.rstrip("\n") not in files
    ]
    assert not partial, f"ファイルの一部だけがコピーされる: {partial}"


#: 出力だけがページと違うときの文(もう一度実行する目印)
OUTPUT_DIFFERS = "出力がページと違う"


class OutputDifferedOnce(UserWarning):
    """1 度目は出力がページと違い、もう一度の実行で一致した。"""


def _problems(block: Block, snippet: Snippet | None, run) -> list[str]:
    where = f"{block.page}: {snippet.relpath if snippet else block.code[:40]}"
    if snippet is not None and snippet.requires_cuda:
        # GPU のない機械(このテストの機械)では、1 文を伝えて終わる
        expected = "このコードの実行には CUDA の GPU が必要です。"
        if (run.returncode, run.stderr.strip()) != (1, expected):
            return [f"{where}: GPU がないときの終わり方が違う: {run.stderr}"]
        return []
    if snippet is not None and snippet.expect_error:
        last = run.stderr.strip().splitlines()[-1:] or [""]
        if not last[0].startswith(snippet.expect_error):
            return [f"{where}: {snippet.expect_error} で終わらない: {last}"]
        return []
    if block.language == "pycon":
        shown, pasted = run
        problems = []
        if shown.returncode != 0:
            problems.append(f"{where}: 表示した結果にならない\n{shown.stdout}")
        # 貼り付けたとき、エラーはページが見せている例外だけ(構文エラーなし)
        expected = block.shown.count("Traceback (most recent call last)")
        if pasted.stderr.count("Traceback (most recent call last)") != (
            expected
        ) or re.search(r"(Syntax|Indentation)Error", pasted.stderr):
            problems.append(f"{where}: 貼り付けると失敗する\n{pasted.stderr}")
        return problems
    problems: list[str] = []
    # 標準エラーに出ると分かっている行(スニペットの # stderr: の正規表現。
    # ページの本文がそのことを説明している)は除く
    allowed = re.findall(
        r"^# stderr: (.+)$", snippet.source if snippet else "", re.M
    )
    errors = "\n".join(
        line
        for line in run.stderr.strip().splitlines()
        if not any(re.search(a, line) for a in allowed)
    )
    if run.returncode != 0 or errors:
        problems.append(f"{where}: 終了コード {run.returncode}\n{run.stderr}")
    if not block.nondeterministic and run.stdout != block.shown_output:
        problems.append(
            f"{where}: {OUTPUT_DIFFERS}\n--- ページ\n{block.shown_output}"
            f"--- 読者の実行\n{run.stdout}"
        )
    return problems


def _check(runner: Runner, block: Block, snippet: Snippet | None, run):
    """(問題、もう一度の実行で一致したときの文)。

    出力だけが違えば、もう一度、本当に新しいプロセスで(並列の実行が
    終わった後に 1 つだけで)実行する。複数のスレッドで学習するコードは、
    CPU が混んでいると、まれに数字の最後の桁が変わる。2 度目も違えば
    失敗(いつも違うコードは必ず失敗する。test_harness.py)。
    """
    found = _problems(block, snippet, run)
    if len(found) != 1 or OUTPUT_DIFFERS not in found[0]:
        return found, None
    again = _problems(block, snippet, _run(runner, block, snippet, "fresh"))
    if again:
        return [*found, f"(もう一度実行しても違う){again[-1]}"], None
    return [], found[0].split("\n--- ページ", 1)[0]


# すべてを並列に実行するので、1 つのテストとしては長い
@pytest.mark.timeout(1200)
def test_copied_code_runs_alone_with_the_pages_output(copied, runs, runner):
    files = snippet_files()
    problems = []
    checked = 0
    reran = []
    for block in copied:
        snippet = files.get(block.code.rstrip("\n"))
        key = (block.language, block.code)
        if key not in runs:
            continue
        checked += 1
        found, note = _check(runner, block, snippet, runs[key])
        if note:
            reran.append(note)
        problems += found
    print(f"コピーできるコード {len(copied)} 個のうち {checked} 個を実行")
    for line in reran:  # テストの結果の最後に、警告の一覧として出る
        warnings.warn(OutputDifferedOnce(line), stacklevel=1)
    assert not problems, "\n\n".join(problems)


def test_copied_code_imports_only_what_the_install_page_installs(copied):
    """読者が入れるのは、インストールのページのコマンドだけ。コピーした
    コードが import するものは、標準ライブラリかそのパッケージにある。
    """
    missing = set()
    for block in copied:
        if block.language not in ("python", "pycon"):
            continue
        try:
            tree = parse(block.code)
        except SyntaxError:
            continue  # 貼り付けて動くかは、実行するテストが確かめる
        for _, top in top_level_imports(tree):
            if not importable_by_reader(top):
                missing.add(f"{block.page}: {top}")
    assert not missing, sorted(missing)
