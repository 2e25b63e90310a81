"""スニペットを実行して名前空間を返す仕組み(tests/conftest.py が使う)。

実行は 1 スニペットにつき 1 回だけで、結果はセッション中キャッシュされる。
実行中の標準出力・標準エラー・図(``plt.show()``)・例外は、Jupyter の
出力と同じ形式(nbformat の outputs)で記録し、``$DOCS_BUILDDIR/snippet-runs/``
に書き出す。ビルド(docs/_ext/snippet_reuse.py)はこの記録を使うので、
CI ではスニペットの実行はテストの 1 回だけで済み、ページに表示される出力は
テストが検証したその実行の出力そのものになる。
"""

import base64
import builtins
import hashlib
import io
import json
import os
import re
import sys
import time
import traceback
import types
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from snippets._support.gpu import cuda_available, requires_cuda

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "src" / "snippets"
RUNS = Path(os.environ.get("DOCS_BUILDDIR", ROOT / "_build")) / "snippet-runs"
#: 意図して例外を起こすスニペットの印(例: ``# expect-error: NameError``)
EXPECT_ERROR = re.compile(r"^# expect-error: (\w+)\s*$", re.M)


def snippet_files() -> list[Path]:
    """実行対象のスニペット(パッケージの __init__ と _support を除く)。"""
    return sorted(
        p
        for p in SNIPPETS.rglob("*.py")
        if p.name != "__init__.py" and "_support" not in p.parts
    )


def snippet_id(path: Path) -> str:
    return str(path.relative_to(SNIPPETS).with_suffix(""))


class _Outputs(io.TextIOBase):
    """stdout/stderr と図を、出た順に nbformat の outputs として集める。"""

    def __init__(self):
        self.items: list[dict] = []

    def stream(self, name: str):
        outputs = self

        class _Stream(io.TextIOBase):
            def write(self, text: str) -> int:
                last = outputs.items[-1] if outputs.items else None
                if last and last.get("name") == name:
                    last["text"] += text
                elif text:
                    outputs.items.append(
                        {"output_type": "stream", "name": name, "text": text}
                    )
                return len(text)

        return _Stream()

    def show_figures(self, *args, **kwargs) -> None:
        """``plt.show()`` の代わり: 開いている図を PNG で記録して閉じる。"""
        import matplotlib.pyplot as plt

        for num in plt.get_fignums():
            fig = plt.figure(num)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", bbox_inches="tight")
            width, height = fig.get_size_inches() * fig.dpi
            axes = len(fig.axes)
            self.items.append(
                {
                    "output_type": "display_data",
                    "data": {
                        "image/png": base64.b64encode(buf.getvalue()).decode(),
                        "text/plain": f"<Figure size {width:g}x{height:g} "
                        f"with {axes} Axes>",
                    },
                    "metadata": {},
                }
            )
        plt.close("all")

    def error(self, exc: BaseException, path: Path) -> None:
        frames = [
            f
            for f in traceback.extract_tb(exc.__traceback__)
            if f.filename == str(path)
        ]
        lines = traceback.format_list(frames)
        self.items.append(
            {
                "output_type": "error",
                "ename": type(exc).__name__,
                "evalue": str(exc),
                "traceback": ["Traceback (most recent call last):", *lines]
                + traceback.format_exception_only(exc),
            }
        )


def _reset_global_state() -> None:
    """スニペットが変えうるライブラリ全体の設定を元に戻す。"""
    import torch

    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    if "keras" in sys.modules:
        keras = sys.modules["keras"]
        keras.mixed_precision.set_global_policy("float32")
        keras.backend.clear_session()


class SnippetRunner:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.cache: dict[Path, dict] = {}
        self.outputs: dict[Path, list[dict]] = {}

    def __call__(self, name: str) -> dict:
        """名前は ``practice/pytorch_intro/autograd/autograd_basics`` の形。

        意図して例外を起こすスニペットでは、例外が ``ns["__error__"]`` に入る。
        """
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
        result = self.cache[path]
        if isinstance(result, BaseException):
            raise result
        return result

    def stdout(self, name: str) -> str:
        """スニペットが標準出力に書いた内容(ページに表示されるもの)。"""
        self(name)
        items = self.outputs[SNIPPETS / f"{name}.py"]
        return "".join(o["text"] for o in items if o.get("name") == "stdout")

    def _run(self, path: Path) -> dict | BaseException:
        import matplotlib.pyplot as plt

        source = path.read_text(encoding="utf-8")
        expected = EXPECT_ERROR.search(source)
        outputs = _Outputs()
        # runpy と同じく一時的な __main__ モジュールで実行する(pickle などが
        # __main__ のクラスを見つけられるように)
        module = types.ModuleType("__main__")
        module.__file__ = str(path)
        namespace = module.__dict__
        namespace["__builtins__"] = builtins
        saved_main = sys.modules["__main__"]
        sys.modules["__main__"] = module
        cwd = Path.cwd()
        os.chdir(self.workdir)

        def _show(*args, **kwargs):  # matplotlib が属性を足せる普通の関数で
            outputs.show_figures()

        show, plt.show = plt.show, _show
        start = time.perf_counter()
        error = None
        try:
            with (
                warnings.catch_warnings(),
                redirect_stdout(outputs.stream("stdout")),
                redirect_stderr(outputs.stream("stderr")),
            ):
                # 非推奨の警告は pytest の設定どおりエラーになる。ほかの警告は
                # Jupyter と同じく stderr に出る(ビルドでも失敗になる)。
                warnings.showwarning = _warn_to_stderr
                exec(compile(source, str(path), "exec"), namespace)
                outputs.show_figures()  # Jupyter はセルの最後に残りの図を出す
        except Exception as exc:  # noqa: BLE001
            error = exc
            if not EXPECT_ERROR.search(source):
                exc.add_note(_where(path, exc))
            outputs.error(exc, path)
        finally:
            seconds = time.perf_counter() - start
            plt.show = show
            plt.close("all")
            sys.modules["__main__"] = saved_main
            os.chdir(cwd)
            _reset_global_state()

        if expected:
            if error is None or type(error).__name__ != expected.group(1):
                return AssertionError(
                    f"{path}: `# expect-error: {expected.group(1)}` なのに "
                    f"{type(error).__name__ if error else '例外なし'}"
                )
            namespace["__error__"] = error
        elif error is not None:
            return error
        stderr = [o for o in outputs.items if o.get("name") == "stderr"]
        if stderr:
            return AssertionError(
                f"{path}: 標準エラーに出力しました(ビルドでは失敗になる):\n"
                + "".join(o["text"] for o in stderr)
            )
        self.outputs[path] = outputs.items
        _record(path, source, outputs.items, seconds)
        return namespace


def _warn_to_stderr(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write(
        warnings.formatwarning(message, category, filename, lineno, line)
    )


def _record(path: Path, source: str, outputs: list, seconds: float) -> None:
    """実行結果をビルドが再利用できるように書き出す。"""
    RUNS.mkdir(parents=True, exist_ok=True)
    record = {
        "path": str(path.relative_to(ROOT)),
        "sha256": hashlib.sha256(source.strip().encode()).hexdigest(),
        "seconds": seconds,
        "outputs": outputs,
    }
    name = snippet_id(path).replace("/", ".") + ".json"
    (RUNS / name).write_text(json.dumps(record, ensure_ascii=False))


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
