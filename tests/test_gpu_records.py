"""GPU で実行した記録(``src/snippets/…/<名前>.gpu.json``)のテスト。

GPU のない機械でも仕組みを確かめる:

- CPU のビルドは、記録の出力を実行した環境のラベルとともに表示する。
  記録の後でコードが変わっていれば、記録は古いと書き(どの版の記録か)、
  出力は表示しない。記録がなければ、まだ GPU で実行していないと書く
  (架空の記録 tests/faults/gpu_record.fixture.json を一時サイトに置いて
  ビルドする)。
- ``make gpu-record`` は、テストがすべて通ったスニペットの記録だけを書く。
- リポジトリにある記録は CUDA のスニペットのもので、小さい。古い記録は
  ``make test`` の警告の一覧に出る(ページは正しいままなので失敗にはしない)。
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from site_builder import make_site, site_env

from snippet_pipeline import gpu_records
from snippet_pipeline.markers import all_snippets, cuda_available
from snippet_pipeline.pytest_plugin import SnippetRunner

FIXTURE = Path(__file__).parent / "faults" / "gpu_record.fixture.json"
GPU = [s for s in all_snippets() if s.requires_cuda and not s.helper_of]

# 一時サイトの 3 つの GPU のスニペット: 記録が今の内容のもの、記録が古い
# 版のもの、記録のないもの
GPU_SNIPPET = '''\
    """CUDA が必要なスニペット({name})。"""

    # requires: cuda
    import torch

    print(torch.cuda.get_device_name(0))
    '''
NAMES = ("recorded", "stale", "unrecorded")


def _fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _label(record: dict) -> str:
    return f"{record['gpu']}・torch {record['torch']} で {record['date']}"


def _text(html: str) -> str:
    """HTML の本文の文字だけ(タグを除き、空白をまとめる)。"""
    body = html.split('<article class="bd-article">', 1)[-1]
    body = body.split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def gpu_site(tmp_path_factory):
    """記録を置いた一時サイトを CPU のビルドとしてビルドする。"""
    root = make_site(
        tmp_path_factory.mktemp("gpu-site"),
        {f"gpu/{n}": GPU_SNIPPET.format(name=n) for n in NAMES},
        {n: f"```{{snippet}} faults/gpu/{n}.py\n```\n" for n in NAMES},
    )
    folder = root / "src/snippets/faults/gpu"
    fixture = _fixture()
    source = (folder / "recorded.py").read_text(encoding="utf-8")
    current = dict(fixture, sha256=hashlib.sha256(source.encode()).hexdigest())
    for name, record in [("recorded", current), ("stale", fixture)]:
        text = json.dumps(record, ensure_ascii=False, indent=1)
        (folder / f"{name}.gpu.json").write_text(text, encoding="utf-8")
    env = site_env(root)
    sphinx = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", "-nW"]
    build = subprocess.run(
        [*sphinx, "--keep-going", "docs", "_build/html"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    check = subprocess.run(
        [sys.executable, "-m", "snippet_pipeline.gpu_records", "--check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    pages = {
        n: (root / f"_build/html/faults/{n}.html").read_text(encoding="utf-8")
        for n in NAMES
    }
    return build, check, pages


def test_build_passes_without_warnings(gpu_site):
    build, _, _ = gpu_site
    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stderr, build.stderr


def test_current_record_is_shown_with_its_provenance(gpu_site):
    _, _, pages = gpu_site
    html = pages["recorded"]
    text = _text(html)
    assert f"{_label(_fixture())} に実行した記録" in text
    assert 'class="gpu-record-label' in html
    for line in "".join(_fixture()["outputs"][0]["text"]).splitlines():
        assert line in text
    assert "GPU が必要" in text  # バッジは残る
    assert "まだ GPU で実行していません" not in text


def test_stale_record_is_not_shown_as_current(gpu_site):
    _, _, pages = gpu_site
    html = pages["stale"]
    text = _text(html)
    fixture = _fixture()
    assert "gpu-record-label" not in html
    for line in "".join(fixture["outputs"][0]["text"]).splitlines():
        assert line not in text  # 古い版の出力は表示しない
    assert "古い版" in text
    assert fixture["sha256"][:12] in text  # どの版の記録か
    assert fixture["date"] in text
    assert "まだ GPU で実行していません" in text


def test_without_record_the_page_says_not_yet_run_on_gpu(gpu_site):
    _, _, pages = gpu_site
    html = pages["unrecorded"]
    text = _text(html)
    assert "GPU が必要" in text
    assert "まだ GPU で実行していません" in text
    assert "gpu-record-label" not in html
    assert "cell_output" not in html


def test_pages_say_why_the_code_did_not_run_here(gpu_site):
    _, _, pages = gpu_site
    for name in NAMES:
        assert "このビルド環境には CUDA GPU がない" in _text(pages[name]), name


def test_stale_records_are_listed(gpu_site):
    build, check, _ = gpu_site
    assert check.returncode == 0, check.stdout + check.stderr
    assert "faults/gpu/stale" in check.stdout
    assert "faults/gpu/recorded" not in check.stdout
    # ビルドのログにも出る(警告ではない)
    assert "faults/gpu/stale" in build.stdout


@pytest.fixture
def no_cuda(monkeypatch):
    monkeypatch.setenv("DOCS_GPU", "0")
    cuda_available.cache_clear()
    yield
    cuda_available.cache_clear()


def test_skip_reason_names_the_gpu_record(no_cuda):
    with pytest.raises(pytest.skip.Exception) as skipped:
        SnippetRunner().result(GPU[0].id)
    reason = str(skipped.value)
    assert "CUDA GPU が必要なスニペット" in reason
    assert "make gpu-record" in reason


# ============================================================================
# 記録を書く条件(make gpu-record の判断)
# ============================================================================
PROVENANCE = {
    "date": "2000-01-02",
    "gpu": "Fixture GPU 9000",
    "driver": "0.0.fixture",
    "torch": "0.0.0+fixture",
    "cuda": "0.0",
    "python": "3.0.0",
}
OUTPUTS = [{"output_type": "stream", "name": "stdout", "text": "a\nb\n"}]


def _run(outputs=OUTPUTS, failure=None) -> dict:
    return {"outputs": outputs, "failure": failure, "seconds": 0.25}


def test_record_is_written_when_the_tests_pass(tmp_path):
    path = tmp_path / "x.gpu.json"
    tests = {"tests/x.py::test_a": "passed", "tests/x.py::test_b": "passed"}
    written, message = gpu_records.finish(
        GPU[0], _run(), tests, PROVENANCE, path=path
    )
    assert written == path, message
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["sha256"] == GPU[0].sha256
    assert record["snippet"] == GPU[0].relpath
    assert record["tests"] == tests
    for key, value in PROVENANCE.items():
        assert record[key] == value
    assert gpu_records.outputs(record) == OUTPUTS
    assert gpu_records.is_current(record, GPU[0])


@pytest.mark.parametrize(
    ("run", "tests", "reason"),
    [
        (_run(), {"tests/x.py::test_a": "failed"}, "test_a"),
        (_run(), {"tests/x.py::test_a": "skipped"}, "test_a"),
        (_run(), {}, "テストが実行されませんでした"),
        (_run(failure=[3, "RuntimeError: x"]), {"t::a": "passed"}, ":3"),
    ],
    ids=["test-failed", "test-skipped", "no-test", "snippet-failed"],
)
def test_record_is_not_written_otherwise(tmp_path, run, tests, reason):
    path = tmp_path / "x.gpu.json"
    written, message = gpu_records.finish(
        GPU[0], run, tests, PROVENANCE, path=path
    )
    assert written is None
    assert not path.exists()
    assert reason in message


def test_large_images_are_not_recorded(tmp_path):
    png = base64.b64encode(b"\x89PNG" + bytes(gpu_records.IMAGE_LIMIT))
    big = {"output_type": "display_data", "data": {"image/png": png.decode()}}
    path = tmp_path / "x.gpu.json"
    written, message = gpu_records.finish(
        GPU[0], _run([big]), {"t::a": "passed"}, PROVENANCE, path=path
    )
    assert written is None
    assert "画像" in message


# ============================================================================
# リポジトリにある記録
# ============================================================================
def test_committed_gpu_records_belong_to_cuda_snippets():
    problems = gpu_records.problems()
    assert not problems, "\n".join(problems)


def test_committed_gpu_records_are_current_or_listed():
    """古い記録はページが「古い」と書くので失敗にはせず、一覧を警告で出す。"""
    stale = gpu_records.stale()
    if stale:
        lines = "\n".join(f"  {line}" for line in stale)
        warnings.warn(
            gpu_records.StaleGpuRecord(
                f"古い GPU の記録が {len(stale)} 件あります"
                f"(GPU のある機械で make gpu-record):\n{lines}"
            ),
            stacklevel=1,
        )


def test_every_cuda_snippet_has_a_test_file():
    for one in GPU:
        assert gpu_records.test_file(one).is_file(), one.relpath


# ============================================================================
# make gpu-record の仕組み(GPU がなくても確かめられる部分)
# ============================================================================
def test_record_command_needs_cuda():
    if cuda_available():
        pytest.skip("CUDA がある機械では記録を書いてしまう")
    done = subprocess.run(
        [sys.executable, "-m", "snippet_pipeline.gpu_records"],
        env={**os.environ, "DOCS_GPU": "0", "CUDA_VISIBLE_DEVICES": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "CUDA が使えません" in done.stderr


# make gpu-record と同じ経路(新しいプロセスでの実行と、テストの実行)を、
# CPU のスニペットで通す。GPU のない機械でも、どのテストがどのスニペットを
# 使い、どう終わったかを正しく集めることを確かめる
DRY_RUN = """
import json
from snippet_pipeline import gpu_records
from snippet_pipeline.markers import Snippet

one = Snippet.from_id("reference/cuda/device_basics")
run = gpu_records._run_fresh(one)
tests = gpu_records._run_tests([one])
print("RESULT" + json.dumps({"run": run, "tests": tests}))
"""


def test_record_run_tracks_the_tests_of_each_snippet():
    done = subprocess.run(
        [sys.executable, "-c", DRY_RUN],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.split("RESULT", 1)[1])
    run, tests = result["run"], result["tests"]
    assert run["failure"] is None, run
    assert "使うデバイス" in run["outputs"][0]["text"]
    for key in ("torch", "python"):
        assert run[key], key
    # test_cuda.py のうち device_basics を使うテストだけが実行され、通った
    assert tests == {
        "reference/cuda/device_basics": {
            "tests/reference/test_cuda.py::test_device_basics": "passed"
        }
    }
    # ほかのスニペットを使うテストは理由つきで skip
    assert "make gpu-record は CUDA のスニペットだけ" in done.stdout
