"""CUDA のない機械で GPU 用のスニペットを実行すると、torch の奥からの
トレースバックではなく、GPU が必要だという 1 文を出して終わる。
"""

import subprocess
import sys

import pytest

from snippet_pipeline.markers import all_snippets, cuda_available

GPU = [s for s in all_snippets() if s.requires_cuda]
MESSAGE = "このコードの実行には CUDA の GPU が必要です。"


@pytest.mark.parametrize("one", GPU, ids=lambda s: s.id)
def test_gpu_snippet_says_it_needs_cuda(one, tmp_path):
    if cuda_available():
        pytest.skip("CUDA がある機械では、スニペットは普通に実行される")
    done = subprocess.run(
        [sys.executable, str(one.path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "CUDA_VISIBLE_DEVICES": ""},
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == MESSAGE, done.stderr
    assert done.stdout == ""


def test_there_are_gpu_snippets():
    assert len(GPU) >= 5
