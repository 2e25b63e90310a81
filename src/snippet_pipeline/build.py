"""ビルドでの実行: 記録のないスニペットを、読み込みの前に executor で実行する。

- ``env-before-read-docs``: これから読むページが載せるスニペットのうち、
  この環境で記録のないものを、``-j`` の数のプロセス
  (``python -m snippet_pipeline.executor --shard k/n``)で実行する。
  記録はファイルに、失敗はこのビルドの中だけで使う(並列の読み込みの前に
  集めるので、子プロセスにも見える)。テストの後なら、何も実行しない。
- ``env-get-outdated``: 記録のないスニペット(失敗したものなど)を載せた
  ページは、変更がなくても読み直す(警告を毎回出すため)。
- ``build-finished``: 警告の出た厳格なビルドの後は、保存した環境を捨てる
  (変更のないページは読み直されず、警告も出し直されないので、何も直さずに
  もう一度ビルドすると通ってしまう)。
"""

import json
import logging as _logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sphinx.util import logging

from . import executor, pages, records
from .markers import ROOT, Snippet

logger = logging.getLogger(__name__)


def execute_pending(app, env, docnames: list[str]) -> None:
    app.snippet_failures = {}
    wanted = {}
    for docname in docnames:
        page = Path(env.doc2path(docname))
        for use in pages.uses(page.read_text(encoding="utf-8"), page):
            wanted.update((s.id, s) for s in use.snippets if s.path.is_file())
    pending = executor.pending(snippets=sorted(wanted.values(), key=_id))
    if not pending:
        logger.info("[snippet] すべてのスニペットに実行記録があります")
        return
    jobs = max(1, min(app.parallel or 1, os.cpu_count() or 1, len(pending)))
    logger.info(
        "[snippet] 記録のない %d 個のスニペットを %d プロセスで実行します",
        len(pending),
        jobs,
    )
    start = time.perf_counter()
    variables = {**os.environ, **records.ENVIRONMENT}
    with tempfile.TemporaryDirectory(prefix="snippet-reports-") as tmp:
        reports = [Path(tmp) / f"{k}.json" for k in range(1, jobs + 1)]
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "snippet_pipeline.executor",
                    f"--shard={k}/{jobs}",
                    f"--report={report}",
                    *(s.id for s in pending),
                ],
                cwd=ROOT,
                env=variables,
                stdout=subprocess.DEVNULL,
            )
            for k, report in enumerate(reports, start=1)
        ]
        for proc, report in zip(procs, reports, strict=True):
            if proc.wait() != 0 or not report.is_file():
                logger.warning(
                    "[snippet] 実行器が異常終了しました(終了コード %s)",
                    proc.returncode,
                    type="snippet",
                    subtype="executor",
                )
                continue
            for failure in json.loads(report.read_text(encoding="utf-8")):
                app.snippet_failures[failure["sha256"]] = failure
    logger.info(
        "[snippet] 実行しました(%.1f 秒、失敗 %d)",
        time.perf_counter() - start,
        len(app.snippet_failures),
    )


def _id(snippet: Snippet) -> str:
    return snippet.id


def outdated_pages(app, env, added, changed, removed) -> list[str]:
    """記録のないスニペットを載せたページ(失敗を毎回報告する)。"""
    stale = []
    for docname, ids in getattr(env, "snippet_pages", {}).items():
        for name in ids:
            snippet = Snippet.from_id(name)
            if not snippet.path.is_file():
                continue
            if snippet.runnable_here and records.load(snippet) is None:
                stale.append(docname)
                break
    return stale


class _WarningCounter(_logging.Handler):
    """このビルドで出た警告(並列の子プロセスの分を含む)を数える。"""

    def __init__(self):
        super().__init__(_logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


def forget_env_after_warnings(app, exception) -> None:
    counter = app.snippet_warning_counter
    _logging.getLogger("sphinx").removeHandler(counter)
    if (
        exception is None
        and counter.count
        and getattr(app, "_fail_on_warnings", False)
    ):
        from sphinx.application import ENV_PICKLE_FILENAME

        (Path(app.doctreedir) / ENV_PICKLE_FILENAME).unlink(missing_ok=True)


def setup(app) -> None:
    app.snippet_warning_counter = _WarningCounter()
    # suppress_warnings で抑えた警告は数えない
    app.snippet_warning_counter.addFilter(logging.WarningSuppressor(app))
    _logging.getLogger("sphinx").addHandler(app.snippet_warning_counter)
    app.connect("env-before-read-docs", execute_pending)
    app.connect("env-get-outdated", outdated_pages)
    app.connect("build-finished", forget_env_after_warnings)
