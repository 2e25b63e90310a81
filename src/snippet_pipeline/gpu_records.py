"""GPU で実行した記録: CUDA のスニペットの出力を、実行した環境とともに残す。

CUDA のスニペット(``# requires: cuda``)は、GPU のないビルドでは実行
できない。``make gpu-record`` を GPU のある機械で実行すると、それぞれの
スニペットを新しいプロセスで実行し、そのテストも実行して、テストが
すべて通ったスニペットについて、記録をスニペットの隣に書く::

    src/snippets/reference/cuda/mixed_device_error.py
    src/snippets/reference/cuda/mixed_device_error.gpu.json

記録はリポジトリに入れる小さな JSON で、出力(nbformat の outputs。
文字列は行のリスト)と、どこで実行したか(GPU の名前、ドライバ、torch と
CUDA の版、Python、日付)、どの内容を実行したか(スニペットの sha256)、
どのテストが通ったかを持つ。置き場所をスニペットの隣にするのは、記録が
そのスニペットだけのもので、名前を変えるときも一緒に動き、コードを
変えた差分の隣で古くなったことが見えるから(別の木に写すと、同じパスを
2 か所で保つことになる)。

GPU のないビルドは、記録の sha256 がいまの内容と同じなら出力をラベル
(「NVIDIA H200・torch 2.11.0+cu130 で 2026-12-01 に実行した記録」)の
下に表示し、違えば「古い版の記録」とだけ書いて出力は表示しない。
``_build/records`` の記録(実行した環境ごと、作り直せる)とは別のもので、
``records.py`` は変えない(変えると全スニペットの環境の鍵が変わる)。

GPU の機械の ``python3`` はこのプロジェクトの固定とは別の torch を持つので、
``make gpu-record`` は .venv を使わず ``PYTHON``(既定は python3)で動く。
必要なのは torch(CUDA 版)、pytest、CUDA のスニペットが使う
scikit-learn だけ。pytest がなければ ``_build/gpu-deps``(``make gpu-deps``
で作る純 Python のパッケージ)から読み込む。
"""

import argparse
import base64
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .markers import ROOT, SNIPPETS, Snippet, all_snippets, cuda_available

#: 記録の形式の版
FORMAT = 1
SUFFIX = ".gpu.json"
#: 記録に入れる画像 1 枚の上限(PNG のバイト数)。大きければ記録しない
IMAGE_LIMIT = 64 * 1024
#: 記録が持つ、実行した環境の項目
PROVENANCE = ("date", "gpu", "driver", "torch", "cuda", "python")


class StaleGpuRecord(UserWarning):
    """記録の後でスニペットが変わった(make test が一覧を警告で出す)。"""


# ============================================================================
# 記録を読む(ビルドとテスト)
# ============================================================================
def record_path(snippet: Snippet) -> Path:
    return snippet.path.with_name(snippet.path.stem + SUFFIX)


def load(snippet: Snippet) -> dict | None:
    path = record_path(snippet)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def is_current(record: dict, snippet: Snippet) -> bool:
    return record.get("sha256") == snippet.sha256


def label(record: dict) -> str:
    """「NVIDIA H200・torch 2.11.0+cu130 で 2026-12-01 に実行した記録」"""
    return (
        f"{record['gpu']}・torch {record['torch']} で "
        f"{record['date']} に実行した記録"
    )


def outputs(record: dict) -> list[dict]:
    """記録の出力を nbformat の outputs に(行のリストを 1 つの文字列に)。"""
    items = []
    for item in record["outputs"]:
        item = dict(item)
        if isinstance(item.get("text"), list):
            item["text"] = "".join(item["text"])
        items.append(item)
    return items


def status(snippet: Snippet) -> str:
    """記録の状態を 1 文で(テストの skip の理由とビルドのログに使う)。"""
    record = load(snippet)
    if record is None:
        return "GPU で実行した記録はまだない(make gpu-record で作る)"
    if not is_current(record, snippet):
        return (
            f"GPU で実行した記録({record['date']})は古い版"
            f"(sha256 {record['sha256'][:12]}…)のもの"
            "(make gpu-record で作り直す)"
        )
    return f"{label(record)}をページに表示する(make gpu-record で作り直せる)"


def _records() -> list[Path]:
    return sorted(SNIPPETS.rglob(f"*{SUFFIX}"))


def _owner(path: Path) -> Path:
    """記録 ``<名前>.gpu.json`` の持ち主のスニペット ``<名前>.py``。"""
    return path.with_name(path.name.removesuffix(SUFFIX) + ".py")


def stale() -> list[str]:
    """記録の後で内容が変わったスニペット(1 件 1 行)。"""
    found = []
    for path in _records():
        snippet = Snippet(_owner(path))
        if not snippet.path.is_file():
            continue  # problems() が報告する
        record = json.loads(path.read_text(encoding="utf-8"))
        if not is_current(record, snippet):
            found.append(f"{snippet.id}: {status(snippet)}")
    return found


def problems() -> list[str]:
    """記録として正しくないもの(持ち主のない記録、項目の欠け、大きすぎる)。"""
    found = []
    for path in _records():
        where = str(path.relative_to(ROOT))
        owner = _owner(path)
        if not owner.is_file():
            found.append(f"{where}: 対応するスニペット {owner.name} がない")
            continue
        if not Snippet(owner).requires_cuda:
            found.append(f"{where}: {owner.name} は # requires: cuda でない")
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            found.append(f"{where}: JSON として読めない({err})")
            continue
        missing = [
            k
            for k in ("format", "sha256", "outputs", "tests", *PROVENANCE)
            if k not in record
        ]
        if missing:
            found.append(f"{where}: 項目がない: {', '.join(missing)}")
        if path.stat().st_size > 4 * IMAGE_LIMIT:
            found.append(f"{where}: 大きすぎる({path.stat().st_size} バイト)")
    return found


# ============================================================================
# 記録を書く(make gpu-record)
# ============================================================================
def test_file(snippet: Snippet) -> Path:
    """スニペットのテストのファイル。ページ docs/<部>/<ページ>.md の
    スニペットは src/snippets/<部>/<ページ>/ に、テストは
    tests/<部>/test_<ページ>.py にある。
    """
    page = snippet.path.parent.relative_to(SNIPPETS)
    return ROOT / "tests" / page.parent / f"test_{page.name}.py"


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _compact(items: list[dict]) -> tuple[list[dict], str | None]:
    """記録に入れる形に(文字列は行のリストに)。大きな画像があれば理由。"""
    compact = []
    for item in items:
        item = dict(item)
        if isinstance(item.get("text"), str):
            item["text"] = _lines(item["text"])
        png = item.get("data", {}).get("image/png")
        if png and len(base64.b64decode(png)) > IMAGE_LIMIT:
            return [], (
                f"画像が {IMAGE_LIMIT // 1024} KiB を超えます"
                "(図を小さくしてください)"
            )
        compact.append(item)
    return compact, None


def finish(
    snippet: Snippet,
    run: dict,
    tests: dict[str, str],
    provenance: dict,
    path: Path | None = None,
) -> tuple[Path | None, str]:
    """実行とテストの結果から、記録を書くか決める。(書いたパス, 説明)。

    run: 新しいプロセスで実行した結果(outputs・failure・seconds)。
    tests: そのスニペットを使ったテスト → 結果(passed/failed/skipped)。
    """
    path = path or record_path(snippet)
    if run["failure"]:
        line, message = run["failure"]
        where = f"{snippet.relpath}:{line}" if line else snippet.relpath
        return None, f"実行に失敗: {where}: {message}"
    if not tests:
        where = test_file(snippet).relative_to(ROOT)
        return None, (
            "このスニペットを使うテストが実行されませんでした"
            f"(テストは {where} に書く。pytest の出力も参照)"
        )
    bad = {t: r for t, r in tests.items() if r != "passed"}
    if bad:
        return None, "テストが通りません: " + ", ".join(
            f"{t} ({r})" for t, r in bad.items()
        )
    items, problem = _compact(run["outputs"])
    if problem:
        return None, problem
    record = {
        "format": FORMAT,
        "snippet": snippet.relpath,
        "sha256": snippet.sha256,
        **{k: provenance[k] for k in PROVENANCE},
        "seconds": round(run["seconds"], 3),
        "tests": tests,
        "outputs": items,
    }
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return path, f"記録しました: {where}"


def _driver() -> str:
    """NVIDIA のドライバの版(nvidia-smi、なければ /proc から)。"""
    try:
        out = subprocess.run(
            [
                "nvidia-smi",
                "--query-gpu=driver_version",
                "--format=csv,noheader",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired):
        pass
    proc = Path("/proc/driver/nvidia/version")
    if proc.is_file():
        words = proc.read_text().split()
        if "Kernel" in words:  # "… Kernel Module  570.86.15  …"
            i = words.index("Kernel")
            return words[i + 2] if words[i + 1] == "Module" else words[i + 1]
    return "不明"


def _run_one(name: str, out: Path) -> None:
    """子プロセス: スニペットを 1 つ実行し、結果と環境を out に書く。"""
    from . import executor

    executor.apply_environment()
    result = executor.execute(Snippet.from_id(name))
    import torch

    out.write_text(
        json.dumps(
            {
                "outputs": result.outputs,
                "failure": result.failure,
                "seconds": result.seconds,
                "gpu": (
                    torch.cuda.get_device_name(0)
                    if torch.cuda.is_available()
                    else None
                ),
                "torch": torch.__version__,
                "cuda": torch.version.cuda,
                "python": platform.python_version(),
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def _pythonpath() -> str:
    """子プロセスがこのパッケージ(src/)を import できるように。"""
    paths = [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    return os.pathsep.join(p for p in paths if p)


def _run_fresh(snippet: Snippet) -> dict:
    """スニペットを新しいプロセスで実行する(ほかのコードの確保した
    GPU メモリや統計の残らない、読者が単独で実行したときと同じ状態で)。
    """
    with tempfile.TemporaryDirectory(prefix="gpu-record-") as tmp:
        out = Path(tmp) / "run.json"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "snippet_pipeline.gpu_records",
                "--run-one",
                snippet.id,
                str(out),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": _pythonpath()},
            timeout=300,
        )
        if done.returncode != 0 or not out.is_file():
            return {
                "outputs": [],
                "failure": [None, f"実行器が異常終了({done.returncode})"],
                "seconds": 0.0,
            }
        return json.loads(out.read_text(encoding="utf-8"))


def _import_pytest():
    try:
        import pytest
    except ImportError:
        deps = Path(os.environ.get("DOCS_BUILDDIR", ROOT / "_build"))
        deps = deps / "gpu-deps"
        if not deps.is_dir():
            sys.exit(
                f"pytest がありません。{sys.executable} -m pip install pytest"
                " で入れるか、ネットワークのない機械なら、別の機械で "
                "make gpu-deps を実行して _build/gpu-deps を持ってきて"
                "ください。"
            )
        sys.path.append(str(deps))  # 機械のパッケージを優先する
        import pytest
    return pytest


def _run_tests(snippets: list[Snippet]) -> dict[str, dict[str, str]]:
    """CUDA のスニペットのテストを実行し、スニペット → {テスト: 結果}。

    ほかのスニペットを使うテストは skip する(GPU の機械では CUDA の
    スニペットだけを確かめる。ほかは CPU の CI が確かめている)。
    """
    pytest = _import_pytest()
    wanted = {s.id for s in snippets}
    used: dict[str, set[str]] = {}
    outcome: dict[str, str] = {}
    current = {"test": None}

    class Recorder:
        """どのテストがどのスニペットを使い、どう終わったかを集める。"""

        def pytest_configure(self, config):
            # pytest が読み込んだ後に差し替える(アサーションの書き換えのため)
            from . import pytest_plugin

            self.runner = pytest_plugin.SnippetRunner
            self.original = original = self.runner.result

            def result(runner, name):
                one = Snippet.from_id(name)
                if one.id not in wanted:
                    pytest.skip(
                        f"{one.id}: make gpu-record は CUDA のスニペットだけ"
                    )
                used.setdefault(one.id, set()).add(current["test"])
                return original(runner, name)

            self.runner.result = result

        def pytest_unconfigure(self, config):
            self.runner.result = self.original

        def pytest_runtest_logstart(self, nodeid, location):
            current["test"] = nodeid

        def pytest_runtest_logreport(self, report):
            if report.failed:
                outcome[report.nodeid] = "failed"
            elif report.skipped and report.when != "teardown":
                outcome.setdefault(report.nodeid, "skipped")
            elif report.when == "call":
                outcome.setdefault(report.nodeid, "passed")

    files = sorted({str(test_file(s).relative_to(ROOT)) for s in snippets})
    files = [f for f in files if (ROOT / f).is_file()]
    pytest.main(
        [
            *files,
            f"--rootdir={ROOT}",
            "--noconftest",  # ルートの conftest は sybil を使う(ここでは不要)
            "-p",
            "snippet_pipeline.pytest_plugin",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rA",
        ],
        plugins=[Recorder()],
    )
    return {
        name: {t: outcome.get(t, "failed") for t in sorted(tests)}
        for name, tests in used.items()
    }


def _cuda_here() -> bool:
    """この Python(PYTHON)の torch で CUDA が使えるか(DOCS_GPU=0 なら偽)。"""
    if os.environ.get("DOCS_GPU") == "0":
        return False
    probe = "import torch; print(torch.cuda.is_available())"
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True
    )
    return found.stdout.strip() == "True"


def record(names: list[str]) -> int:
    """make gpu-record の本体。すべて記録できれば 0。"""
    if not _cuda_here():
        print(
            f"CUDA が使えません({sys.executable})。make gpu-record は "
            "CUDA 版の torch と GPU のある機械で実行します。",
            file=sys.stderr,
        )
        return 2
    _import_pytest()  # なければ、実行する前に止まる
    os.environ["DOCS_GPU"] = "1"
    cuda_available.cache_clear()
    chosen = [Snippet.from_id(n) for n in names] or [
        s for s in all_snippets() if s.requires_cuda and not s.helper_of
    ]
    date = time.strftime("%Y-%m-%d", time.gmtime())  # UTC
    driver = _driver()
    runs = {}
    for snippet in chosen:
        print(f"[gpu-record] 実行: {snippet.id}", flush=True)
        runs[snippet.id] = _run_fresh(snippet)
    tests = _run_tests(chosen)
    ok = 0
    print("\n[gpu-record] 結果", flush=True)
    for snippet in chosen:
        run = runs[snippet.id]
        provenance = {
            "date": date,
            "driver": driver,
            **{k: run.get(k, "不明") for k in ("gpu", "torch", "cuda")},
            "python": run.get("python", platform.python_version()),
        }
        path, message = finish(
            snippet, run, tests.get(snippet.id, {}), provenance
        )
        ok += path is not None
        mark = "ok  " if path else "失敗"
        print(f"  {mark} {snippet.id}: {message}", flush=True)
    print(f"[gpu-record] {ok}/{len(chosen)} 件を記録しました")
    return 0 if ok == len(chosen) else 1


def check() -> int:
    """古い記録と正しくない記録の一覧。正しくない記録があれば 1。"""
    for line in stale():
        print(f"古い GPU の記録: {line}")
    bad = problems()
    for line in bad:
        print(f"正しくない GPU の記録: {line}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m snippet_pipeline.gpu_records",
        description="CUDA のスニペットを GPU で実行・テストし、記録を書く",
    )
    parser.add_argument(
        "snippets", nargs="*", help="src/snippets/ からのパス(省略で全部)"
    )
    parser.add_argument(
        "--check", action="store_true", help="古い記録の一覧を出すだけ"
    )
    parser.add_argument("--run-one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_one:
        _run_one(args.run_one[0], Path(args.run_one[1]))
        return 0
    if args.check:
        return check()
    return record(args.snippets)


if __name__ == "__main__":
    sys.exit(main())
