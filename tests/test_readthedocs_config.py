""".readthedocs.yaml を Read the Docs の設定スキーマ(v2)で検証する。

スキーマはリポジトリの外、``<リポジトリ>/../shared/rtd-schema-v2.json`` に
ある(ほかのプロジェクトのデータなので、リポジトリには写さない)。ないときは
skip するが、CI(``CI=true``)では失敗にする。

あわせて、Read the Docs が失敗にする「チェックアウト直下の ``_build/html``」
(BUILD_OUTPUT_OLD_DIRECTORY_USED)に書くコマンドがないこと、サイトを
``$READTHEDOCS_OUTPUT/html`` にビルドすることを確かめる。
"""

import json
import os
import re
import shlex
from pathlib import Path

import pytest
import rtd_config
from jsonschema.validators import validator_for

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT.parent / "shared" / "rtd-schema-v2.json"
OUTPUT_HTML = re.compile(r"^\$\{?READTHEDOCS_OUTPUT\}?/html/?$")


@pytest.fixture(scope="module")
def config() -> dict:
    return rtd_config.load()


@pytest.fixture(scope="module")
def commands(config) -> list[str]:
    return rtd_config.commands(config)


def test_valid_against_schema(config):
    if not SCHEMA.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"スキーマ {SCHEMA} がありません(CI では必須)")
        pytest.skip(f"スキーマ {SCHEMA} がない(リポジトリ外の共有データ)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(config), key=lambda e: e.path)
    assert not errors, "\n".join(
        f"{'.'.join(map(str, e.absolute_path)) or '(最上位)'}: {e.message}"
        for e in errors
    )


def test_python_and_os(config):
    assert config["build"]["os"] == "ubuntu-24.04"
    assert config["build"]["tools"]["python"] == "3.11"


def test_apt_packages_are_installed(config):
    """apt_packages は build.commands では入らない(Read the Docs の仕様)。"""
    if config["build"].get("apt_packages"):
        assert "commands" not in config["build"], (
            "build.commands では apt_packages が入らない: build.jobs を使う"
        )


def _playwright_chromium_deps() -> set[str]:
    """Playwright が ubuntu24.04 の Chromium に必要とする apt のパッケージ。"""
    import playwright

    bundle = (
        Path(playwright.__file__).parent / "driver/package/lib/coreBundle.js"
    ).read_text(encoding="utf-8")
    start = bundle.index('"ubuntu24.04-x64"')
    chromium = re.search(r"chromium: \[([^\]]*)\]", bundle[start:])
    return set(re.findall(r'"([^"]+)"', chromium[1]))


def test_apt_packages_cover_chromium(config):
    """make chromium が入れる Chromium が動くのに要るライブラリと、日本語
    フォント(図のラベルの幅を測る)が apt_packages にある。
    """
    apt = set(config["build"].get("apt_packages", []))
    missing = (_playwright_chromium_deps() | {"fonts-noto-cjk"}) - apt
    assert not missing, f"apt_packages に足りない: {sorted(missing)}"


def test_order_of_commands(commands):
    """環境を作り、Chromium を入れてから、サイトをビルドする。"""
    first = {
        step: next(i for i, c in enumerate(commands) if step in c)
        for step in ("make venv", "make chromium", "make docs")
    }
    assert first["make venv"] < first["make chromium"] < first["make docs"]


def test_no_command_writes_build_html(commands):
    bad = [c for c in commands if "_build/html" in c]
    assert not bad, (
        "チェックアウト直下の _build/html は Read the Docs では失敗になる: "
        f"{bad}"
    )


def test_docs_built_into_readthedocs_output(commands):
    # make docs の出力先は HTMLDIR(既定は _build/html)なので、必ず指定する
    docs = [shlex.split(c) for c in commands if "make" in shlex.split(c)]
    docs = [a for a in docs if "docs" in a]
    assert docs, f"make docs を実行するコマンドがありません: {commands}"
    for argv in docs:
        prefix = "HTMLDIR="
        htmldir = [a[len(prefix) :] for a in argv if a.startswith(prefix)]
        assert htmldir and OUTPUT_HTML.match(htmldir[-1]), (
            f"make docs が $READTHEDOCS_OUTPUT/html に書きません: {argv}"
        )
