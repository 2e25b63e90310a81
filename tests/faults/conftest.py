"""故障注入テストの共通部分: 壊した一時サイトを 1 回だけビルド・テストする。

ビルド(``sphinx-build -nW --keep-going``)と pytest を同時に子プロセスで
走らせ、それぞれの出力をすべてのテストで共有する。本物の作業ツリーには
何も書かない。
"""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_builder import make_site, site_env

# 終わらないスニペットを実行器が止めるまでの秒数(ビルドでもテストでも)
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
    rebuild: Run  # 何も直さずに、もう一度ビルドしたもの


@pytest.fixture(scope="session")
def fault_site(tmp_path_factory) -> FaultSite:
    base = tmp_path_factory.mktemp("fault-site")
    (base / "site").mkdir()
    root = make_site(base / "site")
    env = site_env(root, MPLBACKEND="Agg", SNIPPET_TIMEOUT=str(TIMEOUT))

    def start(cmd: list[str]) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", *cmd],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def finish(proc: subprocess.Popen, log: str) -> Run:
        out, err = proc.communicate(timeout=240)
        # 調べやすいように、一時サイトの隣に出力を残す
        (base / log).write_text(out + err, encoding="utf-8")
        return Run(proc.returncode, out + err, err)

    sphinx = ["sphinx", "-b", "html", "-c", ".", "-nW", "--keep-going"]
    sphinx += ["-j", "auto"]
    sphinx += ["docs", "_build/html"]
    build = start(sphinx)
    # pytest-timeout は実行器の制限時間より長くする(本物の設定と同じ順序)
    tests = start(["pytest", "-o", f"timeout={6 * TIMEOUT}", "--color=no"])
    first = finish(build, "build.log")
    rebuild = start(sphinx)
    return FaultSite(
        root,
        first,
        finish(tests, "pytest.log"),
        finish(rebuild, "rebuild.log"),
    )
