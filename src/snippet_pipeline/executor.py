"""スニペットを実行し、出力を記録する。ビルドとテストが使う唯一の実行器。

1 つのスニペットは、次の同じ条件で実行される(どの経路から呼ばれても):

- 新しい ``__main__`` モジュール(runpy と同じ。pickle が ``__main__`` の
  クラスを見つけられる)。ほかのスニペットの変数は見えない。
- 空の一時ディレクトリを作業ディレクトリにする(終われば消える)。
- 環境変数は ``records.ENVIRONMENT`` のもの。torch/Keras の全体設定は毎回戻す。
- 標準出力・標準エラー・図(``plt.show()`` と最後に残った図)・例外を、
  出た順に nbformat の outputs として集める。トレースバックのパスは
  リポジトリからの相対パスにする(ビルドした機械のパスを出さない)。

テスト(pytest_plugin)はこの関数を呼んで名前空間を受け取り、同じ実行の
記録がそのままページに表示される。ビルドは、記録のないスニペットを
``python -m snippet_pipeline.executor`` で(別プロセスで)実行する。
"""

import argparse
import base64
import builtins
import io
import json
import os
import signal
import sys
import tempfile
import time
import traceback
import types
import warnings
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from . import records
from .markers import Snippet, all_snippets, shard

#: 1 スニペットあたりの制限時間(秒)。SNIPPET_TIMEOUT で変えられる
TIMEOUT = 180


def _timeout() -> float:
    return float(os.environ.get("SNIPPET_TIMEOUT", TIMEOUT))


def apply_environment() -> None:
    """実行する前(torch や TensorFlow を import する前)に呼ぶ。"""
    os.environ.update(records.ENVIRONMENT)


@dataclass
class Result:
    snippet: Snippet
    namespace: dict
    outputs: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    error: BaseException | None = None
    #: 期待どおりでなかったとき: (行番号, 説明)。成功なら None
    failure: tuple[int | None, str] | None = None

    @property
    def where(self) -> str:
        line = self.failure[0] if self.failure else None
        return (
            f"{self.snippet.relpath}:{line}" if line else self.snippet.relpath
        )


class _Outputs:
    """stdout/stderr と図を、出た順に nbformat の outputs として集める。"""

    def __init__(self):
        self.items: list[dict] = []

    def stream(self, name: str) -> io.TextIOBase:
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

    def show_figures(self) -> None:
        """開いている図を PNG で記録して閉じる(``plt.show()`` の代わり)。"""
        if "matplotlib.pyplot" not in sys.modules:
            return
        plt = sys.modules["matplotlib.pyplot"]
        for num in plt.get_fignums():
            fig = plt.figure(num)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", bbox_inches="tight")
            width, height = fig.get_size_inches() * fig.dpi
            self.items.append(
                {
                    "output_type": "display_data",
                    "data": {
                        "image/png": base64.b64encode(buf.getvalue()).decode(),
                        "text/plain": f"<Figure size {width:g}x{height:g} "
                        f"with {len(fig.axes)} Axes>",
                    },
                    "metadata": {},
                }
            )
        plt.close("all")

    def error(self, exc: BaseException, snippet: Snippet) -> None:
        frames = [
            f
            for f in traceback.extract_tb(exc.__traceback__)
            if f.filename == str(snippet.path)
        ]
        for frame in frames:  # 機械ごとの絶対パスを出さない
            frame.filename = snippet.relpath
        self.items.append(
            {
                "output_type": "error",
                "ename": type(exc).__name__,
                "evalue": str(exc),
                "traceback": [
                    "Traceback (most recent call last):",
                    *traceback.format_list(frames),
                    *traceback.format_exception_only(exc),
                ],
            }
        )


class SnippetTimeout(Exception):
    """制限時間を過ぎた(止めたときに実行していた行がトレースバックに残る)。"""


def _on_alarm(signum, frame):
    raise SnippetTimeout(f"{_timeout():g} 秒で終わりませんでした")


def _reset_global_state() -> None:
    """スニペットが変えうるライブラリ全体の設定を元に戻す(次のスニペットが
    新しいプロセスで実行したときと同じ状態から始まるように)。
    """
    if "matplotlib" in sys.modules:
        sys.modules["matplotlib"].rcdefaults()
        # import するだけで設定を変えるモジュールは、次の import で再び効く
        for name in [
            m for m in sys.modules if m.startswith("matplotlib_fontja")
        ]:
            del sys.modules[name]
    if "torch" in sys.modules:
        torch = sys.modules["torch"]
        torch.set_default_dtype(torch.float32)
        torch.set_grad_enabled(True)
    if "keras" in sys.modules:
        keras = sys.modules["keras"]
        keras.mixed_precision.set_global_policy("float32")
        keras.backend.clear_session()


def _warn_to_stderr(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write(
        warnings.formatwarning(message, category, filename, lineno, line)
    )


def _warning_policy() -> None:
    """非推奨の警告はエラー(その行で失敗)。ほかの警告は stderr に出て、
    それも失敗として扱う。呼び出し側(pytest など)の設定には左右されない。
    """
    warnings.resetwarnings()
    warnings.simplefilter("default")
    warnings.simplefilter("error", DeprecationWarning)
    warnings.simplefilter("error", FutureWarning)
    # Keras 3.15 の内部(保存時に変数を NumPy 配列へ変換する処理)が NumPy 2.4
    # で出す警告。スニペットの書き方とは無関係で、通常の実行でも表示されない
    warnings.filterwarnings(
        "ignore",
        "__array__ implementation doesn't accept a copy keyword",
        DeprecationWarning,
        "keras",
    )
    warnings.showwarning = _warn_to_stderr


def _line_of(exc: BaseException, snippet: Snippet) -> int | None:
    """例外の原因になったスニペットの行。"""
    lineno = None
    if isinstance(exc, SyntaxError) and exc.filename == str(snippet.path):
        lineno = exc.lineno
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == str(snippet.path):
            lineno = frame.lineno
    return lineno


def execute(snippet: Snippet) -> Result:
    """スニペットを 1 回実行する。記録は書かない(``run`` が書く)。"""
    apply_environment()
    outputs = _Outputs()
    module = types.ModuleType("__main__")
    module.__file__ = str(snippet.path)
    namespace = module.__dict__
    namespace["__builtins__"] = builtins
    saved = sys.modules["__main__"], sys.argv, os.getcwd()
    plt = None
    if "matplotlib" in sys.modules or "matplotlib" in snippet.source:
        import matplotlib.pyplot as plt

        show, plt.show = plt.show, lambda *a, **k: outputs.show_figures()
    result = Result(snippet, namespace)
    # 呼び出し側(pytest-timeout など)のタイマーは、終わったら戻す
    handler = signal.signal(signal.SIGALRM, _on_alarm)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="snippet-") as workdir:
        sys.modules["__main__"] = module
        sys.argv = [str(snippet.path)]
        os.chdir(workdir)
        try:
            with (
                warnings.catch_warnings(),
                redirect_stdout(outputs.stream("stdout")),
                redirect_stderr(outputs.stream("stderr")),
            ):
                _warning_policy()
                signal.setitimer(signal.ITIMER_REAL, _timeout())
                code = compile(snippet.source, str(snippet.path), "exec")
                exec(code, namespace)
                signal.setitimer(signal.ITIMER_REAL, 0)
                outputs.show_figures()  # 最後に残った図も出す
        except (Exception, SystemExit) as exc:  # noqa: BLE001
            signal.setitimer(signal.ITIMER_REAL, 0)
            result.error = exc
            outputs.error(exc, snippet)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            result.seconds = time.perf_counter() - start
            signal.signal(signal.SIGALRM, handler)
            if outer:
                left = outer - result.seconds
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
            if plt is not None:
                plt.show = show
                plt.close("all")
            sys.modules["__main__"], sys.argv = saved[0], saved[1]
            os.chdir(saved[2])
            _reset_global_state()
    result.outputs = outputs.items
    result.failure = _judge(result)
    return result


def _judge(result: Result) -> tuple[int | None, str] | None:
    """期待どおりに終わったか。そうでなければ (行, 説明)。"""
    snippet, error = result.snippet, result.error
    expected = snippet.expect_error
    if expected:
        if error is None:
            return None, f"`# expect-error: {expected}` なのに例外が出ません"
        if type(error).__name__ != expected:
            return _line_of(error, snippet), (
                f"`# expect-error: {expected}` なのに "
                f"{type(error).__name__}: {error}"
            )
    elif error is not None:
        kind = type(error).__name__
        message = str(error).splitlines()[0] if str(error) else ""
        return _line_of(error, snippet), f"{kind}: {message}".rstrip(": ")
    stderr = records.text_of(result.outputs, "stderr")
    if stderr:
        return _stderr_line(stderr, snippet), (
            "標準エラーに出力しました(警告は失敗として扱います): "
            + stderr.strip().splitlines()[-1]
        )
    return None


def _stderr_line(text: str, snippet: Snippet) -> int | None:
    """警告がスニペットの行を指していれば、その行。"""
    prefix = f"{snippet.path}:"
    for line in text.splitlines():
        if line.startswith(prefix):
            number = line[len(prefix) :].split(":", 1)[0]
            if number.isdigit():
                return int(number)
    return None


def run(snippet: Snippet) -> Result:
    """実行し、期待どおりに終わったら記録を書く。"""
    result = execute(snippet)
    if result.failure is None:
        records.save(snippet, result.outputs, result.seconds)
    return result


# ============================================================================
# コマンドライン: ビルドが記録のないスニペットを実行するのに使う
# ============================================================================
def pending(
    spec: str | None = None, snippets: list[Snippet] | None = None
) -> list[Snippet]:
    """この環境で実行でき、いまの記録がないスニペット(既定ではすべてから)。"""
    return [
        s
        for s in shard(all_snippets() if snippets is None else snippets, spec)
        if s.helper_of is None
        and s.runnable_here
        and not records.record_path(s).is_file()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m snippet_pipeline.executor",
        description="記録のないスニペットを実行して記録を書く",
    )
    parser.add_argument(
        "snippets",
        nargs="*",
        help="src/snippets/ からのパス(省略するとすべて)",
    )
    parser.add_argument("--shard", help="例: 1/2(分担して実行する)")
    parser.add_argument(
        "--report", type=Path, help="失敗の一覧を JSON で書くファイル"
    )
    args = parser.parse_args(argv)
    chosen = [Snippet.from_id(n) for n in args.snippets] or None
    failures = []
    for snippet in pending(args.shard, chosen):
        result = run(snippet)
        status = "失敗" if result.failure else "ok"
        print(f"{snippet.id}: {result.seconds:.1f} 秒 {status}", flush=True)
        if result.failure:
            failures.append(
                {
                    "snippet": snippet.relpath,
                    "sha256": snippet.sha256,
                    "line": result.failure[0],
                    "message": result.failure[1],
                    "outputs": result.outputs,
                }
            )
    if args.report:
        args.report.write_text(json.dumps(failures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    apply_environment()
    sys.exit(main())
