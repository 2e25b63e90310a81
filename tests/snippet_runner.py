"""スニペットを実行して名前空間を返す仕組み(tests/conftest.py が使う)。"""

import os
import runpy
import traceback
import warnings
from pathlib import Path

import pytest

from snippets._support.gpu import cuda_available, requires_cuda

SNIPPETS = Path(__file__).resolve().parent.parent / "src" / "snippets"


def snippet_files() -> list[Path]:
    """実行対象のスニペット(パッケージの __init__ と _support を除く)。"""
    return sorted(
        p
        for p in SNIPPETS.rglob("*.py")
        if p.name != "__init__.py" and "_support" not in p.parts
    )


def snippet_id(path: Path) -> str:
    return str(path.relative_to(SNIPPETS).with_suffix(""))


class SnippetRunner:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.cache: dict[Path, dict] = {}

    def __call__(self, name: str) -> dict:
        """名前は ``practice/pytorch_intro/autograd/autograd_basics`` の形。"""
        path = SNIPPETS / f"{name}.py"
        if not path.is_file():
            raise FileNotFoundError(path)
        if requires_cuda(path) and not cuda_available():
            pytest.skip(
                f"{name}: CUDA GPU が必要なスニペット(# requires: cuda)。"
                "この環境では torch.cuda.is_available() が False"
            )
        if path not in self.cache:
            self.cache[path] = self._run(path)
        return self.cache[path]

    def _run(self, path: Path) -> dict:
        import matplotlib.pyplot as plt

        cwd = Path.cwd()
        os.chdir(self.workdir)
        try:
            with warnings.catch_warnings():
                # pytest の filterwarnings(非推奨警告はエラー)をそのまま使う
                return runpy.run_path(str(path), run_name="__main__")
        except Exception as error:
            error.add_note(_where(path, error))
            raise
        finally:
            os.chdir(cwd)
            plt.close("all")


def _where(path: Path, error: BaseException) -> str:
    """例外の原因になったスニペットの行を「直す場所」として示す 1 行。"""
    root = SNIPPETS.parent.parent
    lineno = None
    if isinstance(error, SyntaxError) and error.filename == str(path):
        lineno = error.lineno
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == str(path):
            lineno = frame.lineno
    kind = type(error).__name__
    if lineno is None:
        return f"直す場所: {path.relative_to(root)}({kind})"
    return f"直す場所: {path.relative_to(root)}:{lineno}({kind})"
