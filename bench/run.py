"""ビルドとテストのベンチマーク(``make bench``)。

作業ツリーを一時ディレクトリに写し(本物の作業ツリーには書かない)、次を測って
``bench/results.json`` と ``bench/results.md`` に書く。

- 空の状態からのフルビルド(cold)、変更なしの再ビルド、スニペットを 1 つ
  編集した後の再ビルド、``make test`` 全体の時間
- 各ページの実行時間(jupyter-cache が記録する値)とその合計、cold との比
- ビルドのメモリのピーク(make・sphinx-build・カーネルのプロセスツリーの
  RSS の合計を 0.05 秒ごとに測った最大値)
- 決定性: 2 回の cold ビルドで、セルの出力が一致するか
  (``nondeterministic`` タグのセルは除く)

時間は、その時の機械の負荷の影響を受ける。開始時のロードアベレージも記録する。
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench"
EXEMPT_TAG = "nondeterministic"
DEFAULT_EDIT = (
    "src/snippets/practice/pytorch_intro/autograd/autograd_basics.py"
)
TARGETS = {  # 秒(cold_ratio は倍率)
    "cold_build": 240,
    "cold_ratio": 1.3,
    "noop_build": 3,
    "make_test": 180,
}


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


def measure(cmd: list[str], cwd: Path, log: Path) -> dict:
    """コマンドを実行し、壁時計の秒数と RSS のピークを返す。"""
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
    if rc != 0:
        tail = log.read_text(encoding="utf-8")[-3000:]
        sys.exit(f"失敗しました({' '.join(cmd)}、rc={rc}):\n{tail}")
    return {"seconds": round(seconds, 2), "peak_rss_mib": peak // 2**20}


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
# 実行キャッシュ(jupyter-cache)を読む
# ---------------------------------------------------------------------------
def cached_notebooks(builddir: Path, site: Path) -> dict[str, dict]:
    """ページ(docs/ からの相対パス)-> {seconds, nb}。"""
    from jupyter_cache import get_cache

    cache = get_cache(str(builddir / ".jupyter_cache"))
    result = {}
    for record in cache.list_cache_records():
        page = str(Path(record.uri).relative_to(site / "docs"))
        result[page] = {
            "seconds": record.data.get("execution_seconds"),
            "nb": cache.get_cache_bundle(record.pk).nb,
        }
    return result


def _outputs(cell) -> list:
    """ページに表示される形の出力(連続する同じストリームはまとめる)。

    カーネルは stdout を任意の区切りで送るので、キャッシュ上の分かれ方は
    実行ごとに変わる。ビルドは nb_merge_streams でまとめて表示する。
    """
    merged: list[dict] = []
    for out in json.loads(json.dumps(cell.get("outputs", []))):
        out.pop("execution_count", None)
        if (
            out.get("output_type") == "stream"
            and merged
            and merged[-1].get("output_type") == "stream"
            and merged[-1].get("name") == out.get("name")
        ):
            merged[-1]["text"] += out["text"]
            continue
        if out.get("output_type") == "stream":
            out["text"] = "".join(out["text"])
        merged.append(out)
    return merged


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


def compare(a: dict, b: dict) -> dict:
    """2 回のビルドのセル出力を比べる。"""
    compared = exempt = 0
    diffs = []
    for page in sorted(set(a) | set(b)):
        if page not in a or page not in b:
            diffs.append({"page": page, "cell": None, "why": "片方にない"})
            continue
        cells_a = [c for c in a[page]["nb"].cells if c.cell_type == "code"]
        cells_b = [c for c in b[page]["nb"].cells if c.cell_type == "code"]
        for i, (ca, cb) in enumerate(zip(cells_a, cells_b, strict=True)):
            if EXEMPT_TAG in ca.get("metadata", {}).get("tags", []):
                exempt += 1
                continue
            compared += 1
            out_a, out_b = _outputs(ca), _outputs(cb)
            if out_a != out_b:
                first = ca.source.strip().splitlines()[:1]
                diffs.append(
                    {
                        "page": page,
                        "cell": i + 1,
                        "source": "".join(first),
                        "difference": _first_difference(out_a, out_b),
                    }
                )
    return {
        "cells_compared": compared,
        "cells_exempt": exempt,
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
        "--keep", action="store_true", help="一時ディレクトリを消さない"
    )
    args = parser.parse_args()

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
        print(f"  {results[name]['seconds']} 秒", flush=True)
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
    pages = cached_notebooks(site / "_build", site)
    exec_sum = sum(p["seconds"] or 0 for p in pages.values())

    determinism = None
    if not args.no_determinism:
        step("cold_build_2", [*make, "docs", "BUILDDIR=_build_2"])
        determinism = compare(pages, cached_notebooks(site / "_build_2", site))

    edited = site / args.edit
    with edited.open("a", encoding="utf-8") as f:
        f.write("# ベンチマークによる編集\n")
    step("edit_build", [*make, "docs", "BUILDDIR=_build"])
    after = cached_notebooks(site / "_build", site)
    changed = [
        p
        for p in after
        if p not in pages or after[p]["seconds"] != pages[p]["seconds"]
    ]
    edit_exec = sum(after[p]["seconds"] or 0 for p in changed)

    step("make_test", [*make, "test"])

    cold = results["cold_build"]["seconds"]
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
        "measurements": results,
        "execution_sum_seconds": round(exec_sum, 2),
        "cold_over_execution_sum": round(cold / exec_sum, 2)
        if exec_sum
        else None,
        "pages": {
            p: round(pages[p]["seconds"] or 0, 2) for p in sorted(pages)
        },
        "edit": {
            "snippet": args.edit,
            "re_executed_pages": changed,
            "execution_seconds": round(edit_exec, 2),
        },
        "peak_build_rss_mib": results["cold_build"]["peak_rss_mib"],
        "determinism": determinism,
        "targets": TARGETS,
    }
    report["checks"] = checks(report)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    (OUT / "results.md").write_text(markdown(report), encoding="utf-8")
    print((OUT / "results.md").read_text(encoding="utf-8"))
    if args.keep:
        print(f"一時ディレクトリを残しました: {tmp}")
    else:
        shutil.rmtree(tmp)


def checks(r: dict) -> list[dict]:
    m = r["measurements"]
    edit_limit = r["edit"]["execution_seconds"] + 3
    rows = [
        ("cold ビルド", m["cold_build"]["seconds"], "≤ 240 秒", 240),
        (
            "cold ビルド / 実行時間の合計",
            r["cold_over_execution_sum"],
            "≤ 1.3 倍",
            1.3,
        ),
        (
            "変更なしの再ビルド(3 回の中央値)",
            m["noop_build"]["seconds"],
            "≤ 3 秒",
            3,
        ),
        (
            "スニペット 1 つの編集後の再ビルド",
            m["edit_build"]["seconds"],
            f"≤ そのページの実行 + 3 秒 = {edit_limit:.1f} 秒",
            edit_limit,
        ),
        ("make test", m["make_test"]["seconds"], "≤ 180 秒", 180),
    ]
    out = [
        {
            "item": item,
            "value": value,
            "target": target,
            "ok": value is not None and value <= limit,
        }
        for item, value, target, limit in rows
    ]
    det = r["determinism"]
    if det is not None:
        out.append(
            {
                "item": "2 回の cold ビルドでセル出力が一致",
                "value": f"{det['cells_compared']} セル中 "
                f"{len(det['differences'])} 件の差"
                f"(除外 {det['cells_exempt']})",
                "target": "差 0 件",
                "ok": det["identical"],
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
        "",
        "| 項目 | 結果 | 目標 | 判定 |",
        "|---|---|---|---|",
    ]
    for c in r["checks"]:
        value = c["value"]
        if isinstance(value, float) and "倍" not in c["target"]:
            value = f"{value:.2f} 秒"
        elif isinstance(value, float):
            value = f"{value:.2f} 倍"
        lines.append(
            f"| {c['item']} | {value} | {c['target']} | "
            f"{'OK' if c['ok'] else '未達'} |"
        )
    lines += [
        "",
        f"- 各ページの実行時間の合計: {r['execution_sum_seconds']:.2f} 秒",
        f"- ビルドのメモリのピーク(プロセスツリーの RSS の合計): "
        f"{r['peak_build_rss_mib']} MiB",
        f"- 編集したスニペット: `{r['edit']['snippet']}`(再実行された"
        f"ページ: {', '.join(r['edit']['re_executed_pages']) or 'なし'}、"
        f"実行 {r['edit']['execution_seconds']:.2f} 秒)",
    ]
    if "cold_build_2" in r["measurements"]:
        lines.append(
            f"- 2 回目の cold ビルド: "
            f"{r['measurements']['cold_build_2']['seconds']:.2f} 秒"
        )
    det = r["determinism"]
    if det and det["differences"]:
        lines += ["", "## 出力が一致しなかったセル", ""]
        for d in det["differences"]:
            lines.append(
                f"- {d['page']} のセル {d['cell']}: `{d.get('source', '')}`"
                f"\n  - {d.get('difference', d.get('why', ''))}"
            )
    lines += [
        "",
        "## ページごとの実行時間",
        "",
        "| ページ | 秒 |",
        "|---|---|",
    ]
    for page, sec in sorted(r["pages"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {page} | {sec:.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
