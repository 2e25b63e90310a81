"""読者の実行を速くする仕組み(``standalone.py`` と ``forkserver.py`` の
fork したプロセス、``kernels.py`` の fork したカーネル)は、本当に新しい
プロセスと同じ結果になり、誤りを見逃さない。

ビルドしたサイトは使わず、作った例で確かめる(サイトのコードとノートブックは
test_copy_buffer.py と test_notebooks.py が実行する)。
"""

import os
import signal
import time
from pathlib import Path

import nbformat
import pytest
from code_imports import TF_SETUP
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbformat.v4 import new_code_cell, new_notebook
from reader.copying import Block
from reader.environment import reader_env
from reader.standalone import Runner, kind, parallel
from reader.test_copy_buffer import OUTPUT_DIFFERS, _check, _problems, _run
from reader.test_notebooks import _execute, _kind

#: スニペットと同じ設定をしてから TensorFlow(Keras)を import するセル
TF_CELL = "import os\n\n" + "\n".join(TF_SETUP) + "\n\nimport keras\n"


@pytest.fixture(scope="module", autouse=True)
def _kernel_servers(kernels):
    """カーネルのサーバー(TensorFlow の import に数秒)を先に起動しておく
    (対話モードの例を確かめる間に import が進む)。"""


@pytest.fixture(scope="module", autouse=True)
def _runner_servers(runner):
    """サーバーがなければ(このファイルだけを実行するとき)、並んで import
    するように起動しておく。"""
    runner.start("torch")
    runner.start("torch", console=True)


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name / "work"
    folder.mkdir(parents=True)
    return folder


# ============================================================================
# 対話モードの例(python -c の doctest と python -i -q への貼り付け)
# ============================================================================
def _console(runner: Runner, shown: str, code: str) -> list[str]:
    block = Block("example.html", "pycon", code, "", False, shown)
    assert kind(code) == "torch"  # fork したプロセスで実行する
    return _problems(block, None, _run(runner, block, None))


def test_console_example_as_shown_passes(runner):
    shown = (
        ">>> import torch\n>>> for v in torch.tensor([1, 2]):\n"
        "...     print(int(v))\n...\n1\n2\n>>> torch.ones(2).sum()\n"
        "tensor(2.)\n"
    )
    code = (
        "import torch\nfor v in torch.tensor([1, 2]):\n    print(int(v))\n"
        "\ntorch.ones(2).sum()\n"
    )
    assert _console(runner, shown, code) == []


def test_console_example_with_wrong_output_fails(runner):
    shown = ">>> import torch\n>>> torch.ones(2).sum()\ntensor(3.)\n"
    problems = _console(runner, shown, "import torch\ntorch.ones(2).sum()\n")
    assert len(problems) == 1
    assert "表示した結果にならない" in problems[0]
    assert "tensor(2.)" in problems[0]  # doctest の Got:


def test_console_paste_with_syntax_error_fails(runner):
    # 表示は doctest として正しいが、for 文の後に空行がないので、貼り付けると
    # 次の文で SyntaxError になる
    shown = (
        ">>> import torch\n>>> for v in torch.tensor([1, 2]):\n"
        "...     print(int(v))\n1\n2\n>>> print('done')\ndone\n"
    )
    code = (
        "import torch\nfor v in torch.tensor([1, 2]):\n    print(int(v))\n"
        "print('done')\n"
    )
    problems = _console(runner, shown, code)
    assert len(problems) == 1
    assert "貼り付けると失敗する" in problems[0]
    assert "SyntaxError" in problems[0]


def test_console_paste_with_unexpected_exception_fails(runner):
    shown = ">>> import torch\n>>> x = torch.ones(2)\n"
    problems = _console(runner, shown, "import torch\nx = torch.ones(2)\ny\n")
    assert len(problems) == 1
    assert "NameError" in problems[0]


# 対話モードの Python の振る舞い(プロンプト、例外、構文エラー、空行で
# 終わる複合文、sys.flags、__main__ の中身)が、python -i -q と同じ
_PASTE = """import sys
print(sys.argv, repr(sys.path[0]), sys.flags.interactive, sys.flags.quiet)
print(sorted(globals()), __name__, __doc__)
for i in range(2):
    print(i)
print("after")
if True:
    print("a")

print("b")
1/0
x = input()
x
def f():
    return 41

f() + 1
import atexit; atexit.register(print, "bye")
"""


def test_forked_console_is_python_i(runner, tmp_path):
    forked = runner.console(_PASTE, _folder(tmp_path, "forked"), "torch")
    fresh = runner.console(_PASTE, _folder(tmp_path, "fresh"), "fresh")
    assert (
        "SyntaxError" in fresh.stderr and "ZeroDivisionError" in fresh.stderr
    )
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        fresh.returncode,
        fresh.stdout,
        fresh.stderr,
    )


def test_forked_command_is_python_c(runner, tmp_path):
    code = (
        "import sys\nprint(sys.argv, repr(sys.path[0]), sys.flags.interactive)"
        "\nprint(sorted(globals()), __name__, repr(sys.stdin.read()))\n"
        "sys.exit('stop')\n"
    )
    forked = runner.command(code, "input\n", _folder(tmp_path, "f"), "torch")
    fresh = runner.command(code, "input\n", _folder(tmp_path, "n"), "fresh")
    assert fresh.stderr == "stop\n"
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        fresh.returncode,
        fresh.stdout,
        fresh.stderr,
    )


@pytest.mark.parametrize(
    "source",
    [
        "import os, sys\nprint(sys.argv, sys.path[0] == os.getcwd())\n"
        "print(sorted(os.environ))\n"
        "print(sorted(globals()), __name__, __file__, __loader__.name)\n"
        "print(repr(sys.stdin.read()), __cached__, __spec__)\n"
        "import atexit; atexit.register(print, 'bye')\n"
        "raise ValueError('stop')\n",
        "print('構文エラーなら何も実行しない')\nx = (\n",
    ],
    ids=["exception", "syntax-error"],
)
def test_forked_file_is_python_file(runner, tmp_path, source):
    folder = _folder(tmp_path, "file")
    file = folder / "example.py"
    file.write_text(source)
    forked, fresh = (runner.run(file, how) for how in ("torch", "fresh"))
    assert fresh.returncode == 1 and "Error" in fresh.stderr
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        fresh.returncode,
        fresh.stdout,
        fresh.stderr,
    )


# ============================================================================
# コピーしたファイルの出力(出力だけが違えば、もう一度実行する)
# ============================================================================
def test_file_with_wrong_output_fails_even_when_run_again(runner):
    block = Block("example.html", "python", 'print("1")', "2\n", False)
    found, note = _check(runner, block, None, _run(runner, block, None))
    assert note is None
    assert [OUTPUT_DIFFERS in f for f in found] == [True, True], found


def test_output_that_differs_once_passes_when_run_again(runner, tmp_path):
    # 1 度目だけ違うものを出す(印のファイルは空のフォルダの外に置く)
    mark = tmp_path / "ran-once"
    code = (
        f"import os\nmark = {str(mark)!r}\n"
        'print("again" if os.path.exists(mark) else "first")\n'
        'open(mark, "w").close()'
    )
    block = Block("example.html", "python", code, "again\n", False)
    found, note = _check(runner, block, None, _run(runner, block, None))
    assert found == []
    assert note and OUTPUT_DIFFERS in note


# ============================================================================
# ノートブック(fork したカーネル)
# ============================================================================
# 新しいカーネル: 前のノートブックの変数、サーバーの変数、プロジェクトの
# モジュール、読者の環境にない環境変数は見えず、作業ディレクトリは空の
# フォルダ(HOME と同じ)
_CLEAN = """import os, sys
from os import environ  # (kind() が fresh にしないように)
assert os.getcwd() == environ["HOME"], os.getcwd()
assert not [f for f in os.listdir(".") if f[0] != "."], os.listdir(".")
assert "leftover" not in globals()
assert "torch" not in globals() and "numpy" not in globals()
assert not {"READER_PRELOAD_TF", "TF_CPP_MIN_LOG_LEVEL"} & set(environ)
assert environ["MPLBACKEND"] == "module://matplotlib_inline.backend_inline"
try:
    import snippets
except ImportError:
    pass
else:
    raise AssertionError("snippets を import できる")
assert sys.argv[1] == "-f", sys.argv
assert os.getpgid(0) == os.getpid()  # 新しいセッション
leftover = 1
"""


def _raises():
    cell = new_code_cell("raise ValueError('ページの説明どおり')")
    cell.metadata["tags"] = ["raises-exception"]
    return cell


# 作った例のノートブック。名前ごとに、並べたノートブックを順に(それぞれ
# 新しいカーネルで)実行する。名前どうしは並列に実行する
NOTEBOOKS = {
    # 2 冊目のカーネルに、1 冊目の変数は見えない
    "clean-torch": [[_CLEAN], [_CLEAN]],
    "clean-tf": [[_CLEAN, TF_CELL]],
    "fails": [
        [
            "import torch\nx = torch.ones(2)",
            "assert x.sum() == 3, 'ページと違う'",
            "print('ここまで来ない')",
        ]
    ],
    "raises": [[_raises(), "print('続く')"]],
}


@pytest.fixture(scope="module")
def executed(kernels, reader_python, tmp_path_factory):
    """NOTEBOOKS の名前ごとに、(種類、各冊の失敗)。"""
    tmp = tmp_path_factory.mktemp("notebooks")

    def run(name: str) -> tuple[list[str], list[str | None]]:
        kinds, failures = [], []
        for number, cells in enumerate(NOTEBOOKS[name]):
            path = tmp / name / f"{number}.ipynb"
            path.parent.mkdir(exist_ok=True)
            notebook = new_notebook(
                cells=[
                    c if isinstance(c, dict) else new_code_cell(c)
                    for c in cells
                ]
            )
            nbformat.write(notebook, path)
            kinds.append(_kind(notebook))
            runs = tmp / name / f"run{number}"
            failures.append(_execute(path, kernels, reader_python, runs))
        return kinds, failures

    names = list(NOTEBOOKS)
    return dict(zip(names, parallel(run, names, jobs=len(names)), strict=True))


@pytest.mark.parametrize(
    ("name", "how"), [("clean-torch", "torch"), ("clean-tf", "tf")]
)
def test_forked_kernel_is_clean(executed, name, how):
    kinds, failures = executed[name]
    assert set(kinds) == {how}  # fork したカーネルで実行した
    assert failures == [None] * len(kinds)


def test_notebook_with_a_failing_cell_fails(executed):
    kinds, [failure] = executed["fails"]
    assert kinds == ["torch"]
    assert failure is not None
    assert "AssertionError" in failure and "ページと違う" in failure


def test_notebook_cell_may_raise_when_tagged(executed):
    kinds, failures = executed["raises"]
    assert (kinds, failures) == (["torch"], [None])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # 回収されていない子(サーバーの子)は、終わっていても kill できる
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_killing_the_launcher_kills_the_kernel(
    kernels, reader_python, tmp_path
):
    """jupyter_client が止めるのは launcher.py のプロセス(のグループ)。"""
    manager = KernelManager(
        kernel_name="python3",
        kernel_spec_manager=KernelSpecManager(
            kernel_dirs=[str(kernels.kernel_dir("torch"))]
        ),
    )
    folder = _folder(tmp_path, "kill")
    manager.start_kernel(env=reader_env(reader_python, folder), cwd=folder)
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=60)
        outputs = []
        reply = client.execute_interactive(
            "import os; print(os.getpid())",
            output_hook=outputs.append,
            timeout=60,
        )
        assert reply["content"]["status"] == "ok"
        pid = int(
            next(
                m["content"]["text"]
                for m in outputs
                if m["msg_type"] == "stream"
            )
        )
        assert pid != manager.provisioner.pid  # fork したカーネル
        os.killpg(manager.provisioner.pid, signal.SIGKILL)
        for _ in range(100):
            if not _alive(pid):
                break
            time.sleep(0.1)
        assert not _alive(pid), "launcher を kill してもカーネルが残る"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
