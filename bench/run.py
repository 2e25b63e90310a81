"""ビルドとテストのベンチマーク(``make bench``)。

作業ツリーを一時ディレクトリに写し(本物の作業ツリーには書かない。``.venv``
はリンク)、次を測って ``bench/results.json`` と ``bench/results.md`` に書く。

- 空の状態からのフルビルド(cold。すべてのスニペットを executor で実行する)、
  変更なしの再ビルド(3 回の中央値)、スニペットを 1 つ編集した後の再ビルド
  (実行するのはそのスニペット 1 つだけのはず。ログの行で確かめる)、
  ``make test`` 全体の時間
- 各スニペットの実行時間(実行記録の ``seconds``)とその合計、遅い 10 個、
  ページごとの合計、cold ビルドの時間と実行時間の合計の比
- ビルドのメモリのピーク(make・sphinx-build・executor のプロセスツリーの
  RSS の合計を 0.05 秒ごとに測った最大値)
- 決定性: 空の状態からの 2 回の cold ビルドの記録を比べ、``nondeterministic``
  でないスニペットの出力(ストリームの文字列、例外の種類・メッセージ・
  トレースバック、図などのデータのハッシュ)が一致するか
- 並列の安全性: 1 回目の cold ビルドの記録を写した新しいビルドディレクトリで
  ``make docs``(``-j auto``)を続けて N 回(``--cold-runs``、既定 20)
  実行し、失敗した回と、記録があるのにスニペットを実行した回を数える
  (どちらも 0 回が目標)。あわせて、その cold ビルドの時間の中央値

時間は、その時の機械の負荷の影響を受ける。開始時のロードアベレージも記録する。
``--skip-test`` や ``--cold-runs`` を既定より減らした一部だけの計測は、
``bench/`` には書かない(``--out`` で別の場所を指定する)。
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from snippet_pipeline.records import comparable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench"
DEFAULT_EDIT = (
    "src/snippets/practice/pytorch_intro/autograd/autograd_basics.py"
)
COLD_RUNS = 20
TARGETS = {  # 秒(cold_ratio は倍率、edit_executed と parallel_* は回数)
    "cold_build": 240,
    "cold_ratio": 1.3,
    "noop_build": 3,
    # 編集後の再ビルド ≤ 変更なしの再ビルド + そのスニペットの実行 + これ
    # (実行器のプロセスを起動して torch を import する分)
    "edit_executor_start": 2,
    "edit_executed": 1,
    "make_test": 180,
    "parallel_cold_failures": 0,
    "parallel_cold_executions": 0,
}
#: ビルドが記録のないスニペットを実行するときのログの行(build.py)
EXECUTED = re.compile(r"\[snippet\] 記録のない (\d+) 個のスニペット")
#: ビルドが落ちたことを示すログの文字列
CRASHED = ("Exception occurred", "Traceback")


# ---------------------------------------------------------------------------
# 計測
# ---------------------------------------------------------------------------
def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str], cwd: Path, log: Path, check: bool = True) -> dict:
    """コマンドを実行し、壁時計の秒数と RSS のピークを返す。

    check なら、失敗したときにログの末尾を示して止まる。そうでなければ
    終了コードを ``rc`` に入れて返す。
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "DOCS_BUILDDIR", "MAKEFLAGS", "MAKELEVEL"}
    }
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        ps = psutil.Process(proc.pid)
        peak = 0
        done = threading.Event()

        def sample():
            nonlocal peak
            while not done.is_set():
                try:
                    peak = max(peak, _tree_rss(ps))
                except psutil.Error:
                    pass
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        rc = proc.wait()
        done.set()
        sampler.join()
    seconds = time.perf_counter() - start
    if rc != 0 and check:
        tail = log.read_text(encoding="utf-8")[-3000:]
        sys.exit(f"失敗しました({' '.join(cmd)}、rc={rc}):\n{tail}")
    result = {"seconds": round(seconds, 2), "peak_rss_mib": peak // 2**20}
    if not check:
        result["rc"] = rc
    return result


def executed_in(log: Path) -> int:
    """ビルドのログから、実行したスニペットの数(実行しなければ 0)。"""
    found = EXECUTED.findall(log.read_text(encoding="utf-8"))
    return sum(int(n) for n in found)


def copy_tree(dest: Path) -> None:
    """追跡中と、無視されていない未追跡のファイルを写す(.venv はリンク)。"""
    files = subprocess.run(
        ["git", "ls-files", "-z", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (f.decode() for f in files)):
        src = ROOT / name
        if name == ".venv" or not src.is_file() or src.is_symlink():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / name)
    (dest / ".venv").symlink_to((ROOT / ".venv").resolve())


# ---------------------------------------------------------------------------
# 実行記録(<ビルドディレクトリ>/records/<環境の鍵>/<sha256>.json)を読む
# ---------------------------------------------------------------------------
def load_records(builddir: Path) -> dict[str, dict]:
    """records/ からの相対パス(環境の鍵/内容の sha256.json)-> 記録。

    同じ内容のスニペットは 1 つの記録を共有するので、スニペットの名前では
    なく記録のファイルで区別する。
    """
    root = builddir / "records"
    return {
        str(p.relative_to(root)): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(root.glob("*/*.json"))
    }


def page_of(snippet: str) -> str:
    """スニペットを載せるページ(``src/snippets/<ページ>/<名前>.py``)。"""
    parts = Path(snippet).relative_to("src/snippets").parent
    return f"{parts}.md"


def execution_times(recs: dict[str, dict]) -> dict:
    """記録の実行時間: スニペットごと、ページごと、合計。"""
    snippets: dict[str, float] = {}
    for record in recs.values():
        name = record["snippet"]
        snippets[name] = snippets.get(name, 0) + record["seconds"]
    pages: dict[str, float] = {}
    for name, seconds in snippets.items():
        page = page_of(name)
        pages[page] = pages.get(page, 0) + seconds
    return {
        "sum": sum(snippets.values()),
        "snippets": snippets,
        "pages": pages,
    }


def _first_difference(a: list, b: list) -> str:
    text_a = json.dumps(a, ensure_ascii=False, sort_keys=True)
    text_b = json.dumps(b, ensure_ascii=False, sort_keys=True)
    pairs = zip(text_a, text_b, strict=False)
    i = next(
        (k for k, (x, y) in enumerate(pairs) if x != y),
        min(len(text_a), len(text_b)),
    )
    lo = max(0, i - 40)
    return f"1 回目: …{text_a[lo : i + 60]}… / 2 回目: …{text_b[lo : i + 60]}…"


def compare(a: dict[str, dict], b: dict[str, dict]) -> dict:
    """2 回の cold ビルドの記録を比べる(``nondeterministic`` は除く)。"""
    compared = exempt = differing = 0
    diffs = []
    for key in sorted(set(a) | set(b)):
        rec_a, rec_b = a.get(key), b.get(key)
        if rec_a is None or rec_b is None:
            name = (rec_a or rec_b)["snippet"]
            side = "2 回目" if rec_b is None else "1 回目"
            diffs.append(
                {"snippet": name, "difference": f"{side}に記録がない"}
            )
            continue
        if rec_a.get("nondeterministic") or rec_b.get("nondeterministic"):
            exempt += 1
            continue
        compared += 1
        out_a = comparable(rec_a["outputs"])
        out_b = comparable(rec_b["outputs"])
        if out_a != out_b:
            diffs.append(
                {
                    "snippet": rec_a["snippet"],
                    "difference": _first_difference(out_a, out_b),
                }
            )
            differing += 1
    return {
        "compared": compared,
        "matching": compared - differing,
        "exempt": exempt,
        "differences": diffs,
        "identical": not diffs,
    }


# ---------------------------------------------------------------------------
# 本体
# ---------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--edit", default=DEFAULT_EDIT, help="編集するスニペット"
    )
    parser.add_argument(
        "--no-determinism",
        action="store_true",
        help="2 回目の cold ビルド(決定性の確認)を省く",
    )
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=COLD_RUNS,
        metavar="N",
        help="記録を写して続けて行う cold ビルドの回数"
        f"(並列の安全性。既定 {COLD_RUNS}、0 で省く)",
    )
    parser.add_argument(
        "--skip-test", action="store_true", help="make test を省く"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT,
        help="results.json と results.md を書くディレクトリ(既定 bench/)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="一時ディレクトリを消さない"
    )
    args = parser.parse_args()
    partial = (
        args.no_determinism or args.skip_test or args.cold_runs < COLD_RUNS
    )
    if partial and args.out.resolve() == OUT.resolve():
        parser.error(
            "一部だけの計測は bench/ に書きません。--out で別の場所を"
            "指定してください"
        )

    tmp = Path(tempfile.mkdtemp(prefix="docs-bench-"))
    site = tmp / "site"
    site.mkdir()
    copy_tree(site)
    logs = tmp / "logs"
    logs.mkdir()
    make = ["make", "--no-print-directory"]
    print(f"作業用コピー: {site}", flush=True)

    loadavg = os.getloadavg()
    results: dict = {}

    def step(name: str, cmd: list[str]) -> dict:
        print(f"- {name}: {' '.join(cmd)}", flush=True)
        results[name] = measure(cmd, site, logs / f"{name}.log")
        results[name]["executed"] = executed_in(logs / f"{name}.log")
        print(
            f"  {results[name]['seconds']} 秒"
            f"(実行したスニペット {results[name]['executed']} 個)",
            flush=True,
        )
        return results[name]

    step("cold_build", [*make, "docs", "BUILDDIR=_build"])
    # 変更なしの再ビルドは短く、負荷の揺れを受けやすいので 3 回の中央値
    noop = [
        measure(
            [*make, "docs", "BUILDDIR=_build"], site, logs / f"noop{i}.log"
        )
        for i in range(3)
    ]
    noop.sort(key=lambda r: r["seconds"])
    results["noop_build"] = {**noop[1], "runs": [r["seconds"] for r in noop]}
    print(f"- noop_build: {results['noop_build']['runs']} 秒", flush=True)
    recs = load_records(site / "_build")
    times = execution_times(recs)

    determinism = None
    if not args.no_determinism:
        step("cold_build_2", [*make, "docs", "BUILDDIR=_build_2"])
        determinism = compare(recs, load_records(site / "_build_2"))
        print(
            f"  決定性: {determinism['compared']} 個中 "
            f"{determinism['matching']} 個が一致"
            f"(除外 {determinism['exempt']})",
            flush=True,
        )

    parallel = None
    if args.cold_runs > 0:
        parallel = parallel_cold(args.cold_runs, site, tmp, logs, args.keep)
        results["parallel_cold"] = {
            "seconds": parallel["median_seconds"],
            "peak_rss_mib": parallel["peak_rss_mib"],
        }

    edited = site / args.edit
    with edited.open("a", encoding="utf-8") as f:
        f.write("# ベンチマークによる編集\n")
    step("edit_build", [*make, "docs", "BUILDDIR=_build"])
    new = {
        k: v for k, v in load_records(site / "_build").items() if k not in recs
    }
    edit_exec = sum(r["seconds"] for r in new.values())

    if not args.skip_test:
        step("make_test", [*make, "test"])

    cold = results["cold_build"]["seconds"]
    exec_sum = times["sum"]
    slowest = sorted(times["snippets"].items(), key=lambda kv: -kv[1])[:10]
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "loadavg_at_start": [round(x, 2) for x in loadavg],
            "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip(),
        "partial": partial,
        "measurements": results,
        "records": len(recs),
        "execution_sum_seconds": round(exec_sum, 2),
        "cold_over_execution_sum": round(cold / exec_sum, 2)
        if exec_sum
        else None,
        "slowest_snippets": [
            {"snippet": s, "seconds": round(sec, 2)} for s, sec in slowest
        ],
        "pages": {
            p: round(sec, 2) for p, sec in sorted(times["pages"].items())
        },
        "snippets": {
            s: round(sec, 2) for s, sec in sorted(times["snippets"].items())
        },
        "edit": {
            "snippet": args.edit,
            "executed": results["edit_build"]["executed"],
            "re_executed_snippets": sorted(r["snippet"] for r in new.values()),
            "execution_seconds": round(edit_exec, 2),
        },
        "peak_build_rss_mib": results["cold_build"]["peak_rss_mib"],
        "determinism": determinism,
        "parallel_cold": parallel,
        "targets": TARGETS,
    }
    report["checks"] = checks(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    (args.out / "results.md").write_text(markdown(report), encoding="utf-8")
    print((args.out / "results.md").read_text(encoding="utf-8"))
    if args.keep:
        print(f"一時ディレクトリを残しました: {tmp}")
    else:
        shutil.rmtree(tmp)


def parallel_cold(
    runs: int, site: Path, tmp: Path, logs: Path, keep: bool
) -> dict:
    """記録を写した新しいビルドディレクトリで cold ビルドを runs 回続ける。

    毎回、Sphinx の環境も HTML もない状態から ``-j auto`` で全ページを読む。
    記録はすべてあるので、スニペットを 1 つも実行せず、落ちずに終わるはず。
    """
    records = site / "_build" / "records"
    failed, executed, seconds, peak = [], [], [], 0
    for k in range(1, runs + 1):
        builddir = tmp / f"cold-{k}"
        shutil.copytree(records, builddir / "records")
        log = logs / f"parallel_cold_{k}.log"
        cmd = ["make", "--no-print-directory", "docs", f"BUILDDIR={builddir}"]
        r = measure(cmd, site, log, check=False)
        text = log.read_text(encoding="utf-8")
        crashed = r["rc"] != 0 or any(s in text for s in CRASHED)
        count = executed_in(log)
        if crashed:
            failed.append({"run": k, "rc": r["rc"], "log": text[-1500:]})
        if count:
            executed.append({"run": k, "executed": count})
        seconds.append(r["seconds"])
        peak = max(peak, r["peak_rss_mib"])
        print(
            f"- parallel_cold {k}/{runs}: {r['seconds']} 秒、rc={r['rc']}"
            f"{'、失敗' if crashed else ''}、実行 {count} 個",
            flush=True,
        )
        if not keep:
            shutil.rmtree(builddir)
    return {
        "runs": runs,
        "failures": len(failed),
        "executions": len(executed),
        "failed_runs": failed,
        "executing_runs": executed,
        "seconds": seconds,
        "median_seconds": round(statistics.median(seconds), 2),
        "peak_rss_mib": peak,
    }


def checks(r: dict) -> list[dict]:
    m, t = r["measurements"], TARGETS
    edit_limit = (
        m["noop_build"]["seconds"]
        + r["edit"]["execution_seconds"]
        + t["edit_executor_start"]
    )
    rows = [
        (
            "cold ビルド",
            m["cold_build"]["seconds"],
            f"≤ {t['cold_build']} 秒",
            t["cold_build"],
        ),
        (
            "cold ビルド / 実行時間の合計",
            r["cold_over_execution_sum"],
            f"≤ {t['cold_ratio']} 倍",
            t["cold_ratio"],
        ),
        (
            "変更なしの再ビルド(3 回の中央値)",
            m["noop_build"]["seconds"],
            f"≤ {t['noop_build']} 秒",
            t["noop_build"],
        ),
        (
            "スニペット 1 つの編集後の再ビルド",
            m["edit_build"]["seconds"],
            "≤ 変更なしの再ビルド + そのスニペットの実行 + 実行器の起動 "
            f"{t['edit_executor_start']} 秒 = {edit_limit:.1f} 秒",
            edit_limit,
        ),
        (
            "make test",
            m["make_test"]["seconds"] if "make_test" in m else None,
            f"≤ {t['make_test']} 秒",
            t["make_test"],
        ),
    ]
    out = [
        {
            "item": item,
            "value": value,
            "target": target,
            "ok": None if value is None else value <= limit,
        }
        for item, value, target, limit in rows
    ]
    out.append(
        {
            "item": "編集後の再ビルドで実行したスニペット",
            "value": f"{r['edit']['executed']} 個",
            "target": f"{t['edit_executed']} 個",
            "ok": r["edit"]["executed"] == t["edit_executed"],
        }
    )
    par = r["parallel_cold"]
    for key, item, value in [
        (
            "parallel_cold_failures",
            "記録のある cold ビルド(-j auto)で失敗した回",
            par and par["failures"],
        ),
        (
            "parallel_cold_executions",
            "記録のある cold ビルドでスニペットを実行した回",
            par and par["executions"],
        ),
    ]:
        out.append(
            {
                "item": item,
                "value": None
                if par is None
                else f"{par['runs']} 回中 {value}",
                "target": f"{t[key]} 回",
                "ok": None if par is None else value == t[key],
            }
        )
    det = r["determinism"]
    out.append(
        {
            "item": "2 回の cold ビルドで記録の出力が一致",
            "value": None
            if det is None
            else f"{det['compared']} 個中 {det['matching']} 個が一致、"
            f"差 {len(det['differences'])} 件(除外 {det['exempt']})",
            "target": "差 0 件",
            "ok": None if det is None else det["identical"],
        }
    )
    return out


def markdown(r: dict) -> str:
    m = r["machine"]
    lines = [
        "# ベンチマーク結果(`make bench`)",
        "",
        f"- 日時: {r['date']}、コミット {r['commit']}",
        f"- 機械: CPU {m['cpus']} 個、Python {m['python']}、"
        f"ロードアベレージ 開始時 {m['loadavg_at_start']}・"
        f"終了時 {m['loadavg_at_end']}",
        "- ロードアベレージが CPU の数を超えていると、ほかのプロセスと CPU を"
        "取り合っており、時間は実力より長く出る。",
    ]
    if r["partial"]:
        lines.append("- 一部だけの計測(省いた項目は「省略」)。")
    lines += [
        "",
        "| 項目 | 結果 | 目標 | 判定 |",
        "|---|---|---|---|",
    ]
    for c in r["checks"]:
        value = c["value"]
        if value is None:
            value = "—"
        elif isinstance(value, float) and "倍" not in c["target"]:
            value = f"{value:.2f} 秒"
        elif isinstance(value, float):
            value = f"{value:.2f} 倍"
        verdict = {True: "OK", False: "未達", None: "省略"}[c["ok"]]
        lines.append(f"| {c['item']} | {value} | {c['target']} | {verdict} |")
    edit = r["edit"]
    lines += [
        "",
        f"- 実行記録 {r['records']} 個の実行時間の合計: "
        f"{r['execution_sum_seconds']:.2f} 秒",
        f"- ビルドのメモリのピーク(プロセスツリーの RSS の合計): "
        f"{r['peak_build_rss_mib']} MiB",
        f"- 編集したスニペット: `{edit['snippet']}`(実行したスニペット: "
        f"{', '.join(edit['re_executed_snippets']) or 'なし'}、"
        f"実行 {edit['execution_seconds']:.2f} 秒)",
    ]
    if "cold_build_2" in r["measurements"]:
        lines.append(
            f"- 2 回目の cold ビルド: "
            f"{r['measurements']['cold_build_2']['seconds']:.2f} 秒"
        )
    par = r["parallel_cold"]
    if par:
        lines.append(
            f"- 記録のある cold ビルド {par['runs']} 回: 中央値 "
            f"{par['median_seconds']:.2f} 秒(最短 {min(par['seconds']):.2f}・"
            f"最長 {max(par['seconds']):.2f} 秒)、メモリのピーク "
            f"{par['peak_rss_mib']} MiB"
        )
        if par["failed_runs"] or par["executing_runs"]:
            lines += ["", "## 記録のある cold ビルドの問題", ""]
            for f in par["failed_runs"]:
                lines.append(f"- {f['run']} 回目: 失敗(rc={f['rc']})")
            for e in par["executing_runs"]:
                lines.append(
                    f"- {e['run']} 回目: スニペットを {e['executed']} 個実行"
                )
    det = r["determinism"]
    if det and det["differences"]:
        lines += ["", "## 出力が一致しなかったスニペット", ""]
        for d in det["differences"]:
            lines.append(f"- `{d['snippet']}`\n  - {d['difference']}")
    lines += [
        "",
        "## 遅いスニペット(上位 10 個)",
        "",
        "| スニペット | 秒 |",
        "|---|---|",
    ]
    for s in r["slowest_snippets"]:
        lines.append(f"| {s['snippet']} | {s['seconds']:.2f} |")
    lines += [
        "",
        "## ページごとの実行時間(そのページのスニペットの合計)",
        "",
        "| ページ | 秒 |",
        "|---|---|",
    ]
    for page, sec in sorted(r["pages"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {page} | {sec:.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
