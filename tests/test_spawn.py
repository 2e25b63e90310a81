"""子プロセスを使うスニペットは、spawn(macOS と Windows の既定)でも動き、
ページと同じ出力になる。

Linux の既定は fork なので、spawn を既定にする sitecustomize.py を置いて、
読者と同じように ``python スニペット.py`` で実行する。
"""

import re
import subprocess
import sys

import pytest

from snippet_pipeline import records
from snippet_pipeline.markers import all_snippets

# DataLoader の子プロセス(num_workers が 0 でない)か、multiprocessing で
# プロセスを作るコード
_STARTS_WORKERS = re.compile(
    r"num_workers=(?!0\b)|\bmp\.spawn\(|multiprocessing\.(Pool|Process)\("
)
WORKERS = [
    s
    for s in all_snippets()
    if _STARTS_WORKERS.search(s.source) and s.helper_of is None
]
_SPAWN = "import multiprocessing\nmultiprocessing.set_start_method('spawn')\n"


def test_some_snippets_start_workers():
    assert len(WORKERS) >= 2, [s.id for s in WORKERS]


@pytest.mark.parametrize("one", WORKERS, ids=lambda s: s.id)
def test_runs_under_spawn_with_the_page_output(one, snippet, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_SPAWN)
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, str(one.path)],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(site),
            **records.ENVIRONMENT,
        },
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == snippet.stdout(one.id)
