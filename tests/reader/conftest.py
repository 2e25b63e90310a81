"""読者の環境のフィクスチャ(環境の中身は environment.py)。

読者がコピーしたコードやダウンロードしたノートブックを
動かす環境を、このリポジトリの外に作る。

- Python は、読者の必要なもの(``{reader-install}`` のパッケージ)が入った
  このリポジトリの ``.venv`` の site-packages を使う。ただし別の venv から
  参照するので、プロジェクト自身の ``snippets``・``snippet_pipeline``
  (編集可能インストールの ``.pth``)は import できない。
- 環境変数は PATH・HOME・LANG だけ(と、並べて実行するための
  ``environment.SCHEDULING``)。プロジェクトがビルドで使う変数
  (``records.ENVIRONMENT``)は渡さない。
- 作業ディレクトリは空の一時ディレクトリ。

コピーしたコードを実行するもの(``standalone.py``)と、ノートブックを実行する
カーネルの定義(``kernels.py``)もここで作る。
"""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from reader.environment import SITE, reader_env
from reader.kernels import Kernels
from reader.standalone import Runner


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        message = f"ビルド済みのサイトがありません({SITE})。先に make docs"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SITE


@pytest.fixture(scope="session")
def reader_python(tmp_path_factory) -> Path:
    """読者の Python(プロジェクトのパッケージが import できない venv)。"""
    venv = tmp_path_factory.mktemp("reader") / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True
    )
    python = venv / "bin" / "python"
    purelib = subprocess.check_output(
        [
            python,
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        text=True,
    ).strip()
    # .pth の行はパスを足すだけで、そのフォルダの .pth は読まない
    # (編集可能インストールの src/ は加わらない)
    Path(purelib, "reader_packages.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    probe = subprocess.run(
        [python, "-c", "import snippets"],
        env=reader_env(python, venv),
        capture_output=True,
        text=True,
    )
    assert probe.returncode != 0, "読者の環境で snippets が import できる"
    return python


@pytest.fixture(scope="session")
def kernels(reader_python, tmp_path_factory):
    """読者の Python で動くカーネルの定義(種類ごと。kernels.py)。"""
    home = tmp_path_factory.mktemp("kernel-home")
    found = Kernels(
        reader_python,
        reader_env(reader_python, home),
        tmp_path_factory.mktemp("kernels"),
    )
    yield found
    found.close()


@pytest.fixture(scope="session")
def runner(reader_python, tmp_path_factory):
    """コピーしたコードを読者の Python で新しいプロセスとして実行するもの
    (standalone.py)。"""
    home = tmp_path_factory.mktemp("home")
    found = Runner(reader_python, reader_env(reader_python, home))
    yield found
    found.close()
