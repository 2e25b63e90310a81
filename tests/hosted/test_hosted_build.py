"""Read the Docs のビルドを再現する: 新しいクローンで ``.readthedocs.yaml``
のコマンド(``build.jobs`` の段階を Read the Docs の順に。``rtd_config``)を、
Read the Docs と同じ環境変数で順に実行する。``apt_packages`` は入れない
(この機械には CI が Chromium と日本語フォントを入れてある)。

確かめること(Read the Docs の規則と、このサイトの約束):

- サイトは ``$READTHEDOCS_OUTPUT/html`` にだけ書かれ、``index.html`` がある。
- チェックアウトのルートに ``_build/html`` を残さない(残すと Read the Docs は
  ``BUILD_OUTPUT_OLD_DIRECTORY_USED`` でビルドを失敗にする)。
- Read the Docs と同じく、実行記録のない状態からビルドする(``make docs``
  だけの経路)。そのビルドが書いた記録は、テストが書いた記録
  (``make test`` の ``_build/records``)と同じ名前(同じ環境の鍵)を持ち、
  出力も同じ。違えば、そのスニペットの名前を示して失敗する(出力が実行の
  たびに変わるスニペットも、ここで見つかる)。
- 公開されるページの出力は、テストが検証した記録から作ったページ
  (``make test`` の後の ``make docs`` の ``_build/html``)と、非決定的な
  セルを除いてすべて同じ。

インストールは、この作業ツリーの ``.venv`` を共有して省く。
``HOSTED_FRESH=1`` のときは ``.venv`` も新しく作り、かかった時間を表示する
(yaml の索引に接続できる機械で。Read the Docs の 15 分の制限に対する余裕を
測る)。
"""

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
import rtd_config
from bs4 import BeautifulSoup

from snippet_pipeline.records import comparable

ROOT = Path(__file__).resolve().parents[2]
LOCAL_HTML = ROOT / "_build" / "html"
FRESH = os.environ.get("HOSTED_FRESH") == "1"


def _cells(html: Path) -> list[tuple[str, str]]:
    """ページのコードセルの (コード, 出力) の一覧。非決定的なセルは除く。"""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    found = []
    for cell in soup.select("div.cell"):
        if "tag_nondeterministic" in cell["class"]:
            continue
        code = cell.select_one("div.cell_input")
        output = cell.select_one("div.cell_output")
        images = [img["src"].rsplit("/", 1)[-1] for img in cell.select("img")]
        found.append(
            (
                code.get_text() if code else "",
                (output.get_text() if output else "") + " ".join(images),
            )
        )
    return found


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    if not (LOCAL_HTML / "index.html").is_file():
        pytest.fail("先に make docs でサイトをビルドしてください")
    base = tmp_path_factory.mktemp("hosted")
    checkout, output = base / "checkout", base / "output"
    subprocess.run(
        ["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(checkout)],
        check=True,
    )
    if not FRESH:
        (checkout / ".venv").symlink_to(ROOT / ".venv")
    config = rtd_config.load(checkout / ".readthedocs.yaml")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "DOCS_", "MAKE"))
        and k not in {"PYTHONPATH", "VIRTUAL_ENV"}
    }
    env.update(READTHEDOCS="True", READTHEDOCS_OUTPUT=str(output))
    log = []
    start = time.perf_counter()
    for command in rtd_config.commands(config):
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
        )
        log.append(f"$ {command}\n{done.stdout}{done.stderr}")
        assert done.returncode == 0, "\n".join(log)
    seconds = time.perf_counter() - start
    (base / "build.log").write_text("\n".join(log), encoding="utf-8")
    print(f"Read the Docs の再現ビルド: {seconds:.1f} 秒(FRESH={FRESH})")
    return checkout, output, "\n".join(log)


def test_site_is_written_to_readthedocs_output(hosted):
    checkout, output, _ = hosted
    assert (output / "html" / "index.html").is_file()
    assert not (checkout / "_build" / "html").exists(), (
        "_build/html が残ると Read the Docs はビルドを失敗にする"
    )


def test_hosted_records_equal_tested_records(hosted):
    """同じスニペットを新しいプロセスでもう一度実行しても、同じ出力になる。"""
    checkout, _, log = hosted
    assert "記録のない" in log, "再現ビルドがスニペットを実行していません"
    tested = ROOT / "_build" / "records"
    written = sorted((checkout / "_build" / "records").glob("*/*.json"))
    assert len(written) > 100
    differ = []
    for path in written:
        mine = tested / path.parent.name / path.name
        assert mine.is_file(), (
            f"{path.parent.name}/{path.name}: テストの記録と環境の鍵が違う"
            "(make test の後にビルドするなら、同じ記録を使うはず)"
        )
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["nondeterministic"]:
            continue
        theirs = json.loads(mine.read_text(encoding="utf-8"))
        if comparable(record["outputs"]) != comparable(theirs["outputs"]):
            differ.append(record["snippet"])
    assert not differ, (
        f"出力が実行ごとに変わります: {differ}。計測値など変わってよい出力なら"
        " `# nondeterministic: 理由` を書き、そうでなければ乱数のシードなどを"
        "固定してください"
    )


def test_hosted_outputs_equal_tested_outputs(hosted):
    _, output, _ = hosted
    pages = sorted(LOCAL_HTML.rglob("*.html"))
    compared = 0
    for local in pages:
        rel = local.relative_to(LOCAL_HTML)
        if rel.parts[0].startswith("_"):
            continue
        remote = output / "html" / rel
        assert remote.is_file(), rel
        mine, theirs = _cells(local), _cells(remote)
        assert len(mine) == len(theirs), rel
        for i, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            assert a == b, f"{rel} の {i + 1} 番目のセルの出力が違います"
        compared += len(mine)
    assert compared > 100


def test_shared_venv_is_left_as_it_was(hosted):
    """再現ビルドが .venv を入れ直して、プロジェクトをクローンの src に
    向けてしまわない(向けると記録の鍵が変わり、次のビルドが全部を実行し直す)。
    """
    if FRESH:
        pytest.skip("HOSTED_FRESH=1: .venv を共有しないので対象外")
    pth = list(
        (ROOT / ".venv").glob("lib/python*/site-packages/__editable__*.pth")
    )
    assert pth, "編集可能インストールの .pth がありません"
    assert pth[0].read_text().strip() == str(ROOT / "src")
