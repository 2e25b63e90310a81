"""GPU 専用スニペットの判定(ビルドの docs/_ext/gpu_cells.py とテストが共有)。

GPU 専用のスニペットは、ファイル中に ``# requires: cuda`` の行を持つ。
環境変数 ``DOCS_GPU`` で判定を上書きできる(``1``: 実行する、``0``: しない)。
"""

import ctypes.util
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

GPU_MARKER = re.compile(r"^# requires: cuda\s*$", re.M)


def requires_cuda(path: str | Path) -> bool:
    """スニペットが GPU 専用か(``# requires: cuda`` の行があるか)。"""
    return bool(GPU_MARKER.search(Path(path).read_text(encoding="utf-8")))


@cache
def cuda_available() -> bool:
    """CUDA でコードを実行できるか。``DOCS_GPU`` があればそれに従う。"""
    forced = os.environ.get("DOCS_GPU", "").strip()
    if forced in {"0", "1"}:
        return forced == "1"
    # ドライバがなければ torch を import するまでもない(ビルドを速く保つ)
    if ctypes.util.find_library("cuda") is None:
        return False
    probe = "import torch; print(torch.cuda.is_available())"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True
    )
    return out.stdout.strip() == "True"
