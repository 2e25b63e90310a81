"""CUDA のない機械で GPU 用のスニペットを実行すると、torch の奥からの
トレースバックではなく、GPU が必要だという 1 文を出して終わる。
"""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from snippet_pipeline.markers import all_snippets, cuda_available

GPU = [s for s in all_snippets() if s.requires_cuda]
MESSAGE = "このコードの実行には CUDA の GPU が必要です。"


def _run(one, cwd):
    return subprocess.run(
        [sys.executable, str(one.path)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "CUDA_VISIBLE_DEVICES": ""},
    )


def test_gpu_snippets_say_they_need_cuda(tmp_path):
    if cuda_available():
        pytest.skip("CUDA がある機械では、スニペットは普通に実行される")
    # 1 つずつ別のプロセスで(2 つずつ同時に)実行する
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda one: _run(one, tmp_path), GPU))
    for one, done in zip(GPU, runs, strict=True):
        assert done.returncode == 1, f"{one.relpath}: {done.stderr}"
        assert done.stderr.strip() == MESSAGE, f"{one.relpath}: {done.stderr}"
        assert done.stdout == "", one.relpath


def test_there_are_gpu_snippets():
    assert len(GPU) >= 5
