"""故障注入テストの共通部分: 壊した一時サイトを 1 回だけビルド・テストする。

ビルド(``sphinx-build -nW --keep-going``)と pytest を同時に子プロセスで
走らせ、それぞれの出力をすべてのテストで共有する。本物の作業ツリーには
何も書かない。
"""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_builder import make_site

# 終わらないスニペットを止めるまでの秒数(ビルドのセル、pytest のテスト)
TIMEOUT = 5


@dataclass
class Run:
    returncode: int
    output: str  # stdout と stderr をまとめたもの
    stderr: str  # ビルドの警告はここに出る


@dataclass
class FaultSite:
    root: Path
    build: Run
    pytest: Run


def _env(root: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST_", "DOCS_"))
    }
    env.update(
        PYTHONPATH=str(root / "src"),
        DOCS_BUILDDIR=str(root / "_build"),
        DOCS_GPU="0",  # GPU のある機械でも「CPU だけの環境」を再現する
        MPLBACKEND="Agg",
    )
    return env


@pytest.fixture(scope="session")
def fault_site(tmp_path_factory) -> FaultSite:
    base = tmp_path_factory.mktemp("fault-site")
    (base / "site").mkdir()
    root = make_site(base / "site")
    env = _env(root)
    build = subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-b", "html", "-c", "."]
        + ["-nW", "--keep-going", "-j", "auto"]
        + ["-D", f"nb_execution_timeout={TIMEOUT}", "docs", "_build/html"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    tests = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-o", f"timeout={TIMEOUT}"]
        + ["--color=no"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    results = []
    for proc, log in ((build, "build.log"), (tests, "pytest.log")):
        out, err = proc.communicate(timeout=240)
        err = err or ""
        # 調べやすいように、一時サイトの隣に出力を残す
        (base / log).write_text(out + err, encoding="utf-8")
        results.append(Run(proc.returncode, out + err, err))
    return FaultSite(root, *results)
