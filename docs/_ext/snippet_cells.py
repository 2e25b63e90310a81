"""``:load:`` で読み込むスニペットと、その実行結果を Sphinx に結びつける。

- 読み込んだファイルをページの依存として登録する。myst-nb はこれをしないため、
  登録しないとスニペットを編集してもページが再ビルド・再実行されない。
- 存在しないファイルの ``:load:`` を、ページと行番号つきで報告する(myst-nb の
  まま読ませるとビルド全体が例外で止まるので、空のセルに置き換えて続ける)。
- セルの実行が失敗したら、ページではなくスニペットのファイルと行番号で報告する
  (-W のもとでビルドは失敗する)。例外・時間切れ・stderr への出力(警告)の
  それぞれを扱う。
- 意図して例外を起こすスニペット(``# expect-error: 例外名``)とセルの
  ``raises-exception`` タグが食い違えば警告する。
- 警告の出たビルドの後は、保存した環境を捨てる。Sphinx は変更のないページを
  読み直さない(警告も出し直さない)ので、そのままでは何も直さずにもう一度
  ``make docs`` すると通ってしまう。実行結果はキャッシュにあるので、読み直しに
  再実行は伴わない(失敗したページは、もともとキャッシュされず再実行される)。
"""

import logging as _logging
import re
from pathlib import Path

from _cells import code_cells
from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)
_CELL_LINE = re.compile(r"Cell In\[\d+\], line (\d+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: 意図して例外を起こすスニペットの印(tests/snippet_runner.py と同じ)
_EXPECT_ERROR = re.compile(r"^# expect-error: \w+\s*$", re.M)
# カーネル内の警告は「/tmp/ipykernel_123/456.py:5: DeprecationWarning: …」の形
_KERNEL_WARNING = re.compile(
    r"^\S*ipykernel_\d+\S*\.py:(\d+): (\w+): (.*)$", re.M
)
_ANY_WARNING = re.compile(r"^(\S+\.py):(\d+): (\w+Warning): (.*)$", re.M)
# 見つからない :load: の代わりに読ませる、コメントだけのファイル
_MISSING = Path(__file__).with_name("missing_snippet.py.txt")


def _loads(env) -> dict[str, list[str]]:
    if not hasattr(env, "snippet_loads"):
        env.snippet_loads = {}
    return env.snippet_loads


def _relative(app, path: str | Path) -> str:
    """ビルドのルート(conf.py の場所)からの相対パス。"""
    try:
        return str(Path(path).relative_to(app.confdir))
    except ValueError:
        return str(path)


def on_source_read(app, docname: str, content: list[str]) -> None:
    page = Path(app.env.doc2path(docname))
    loads = _loads(app.env)[docname] = []
    lines = None
    for cell in code_cells(content[0]):
        path = cell.load(page)
        if path is None:
            continue
        if not path.is_file():
            lineno, target = cell.options["load"]
            logger.warning(
                "`:load:` のファイルが見つかりません: %s(%s として探しました)",
                target,
                _relative(app, path),
                location=(docname, lineno),
                type="snippet",
                subtype="missing",
            )
            # 行数を変えずに、コメントだけのファイルを読ませる
            lines = lines or content[0].split("\n")
            lines[lineno - 1] = lines[lineno - 1].replace(
                target, str(_MISSING)
            )
            # ない依存は「変更あり」と見なされるので、ファイルができるまで
            # このページは毎回読み直され、警告も毎回出る
            app.env.note_dependency(str(path))
            continue
        app.env.note_dependency(str(path))
        loads.append(str(path))
        expects = bool(_EXPECT_ERROR.search(path.read_text(encoding="utf-8")))
        if expects != ("raises-exception" in cell.tags):
            logger.warning(
                "%s の `# expect-error:` とセルの raises-exception タグは"
                "両方そろえてください",
                path.name,
                location=(docname, cell.lineno),
            )
    if lines is not None:
        content[0] = "\n".join(lines)


def _cell_code(cell: nodes.container) -> str:
    return cell.children[0].astext().strip() if cell.children else ""


def _report(app, docname: str, message: str, location, subtype: str) -> None:
    logger.warning(message, location=location, type="snippet", subtype=subtype)


def report_failed_cells(app, doctree: nodes.document) -> None:
    """失敗したセルを、読み込んだスニペットのファイルと行として報告する。

    - 例外(構文エラーを含む): トレースバックの行番号。
    - stderr への出力(非推奨の警告など): 警告が指す行番号。
    - 時間切れ: 割り込みで止めたときに実行していた行。割り込めなかった
      ときは、どのスニペットのセルで止まったかと、pytest で行を調べる方法。
    """
    docname = app.env.docname
    page = _relative(app, app.env.doc2path(docname))
    sources = {}
    for path in _loads(app.env).get(docname, []):
        text = Path(path).read_text(encoding="utf-8").strip()
        sources[text] = _relative(app, path)
    cells = [
        c
        for c in doctree.findall(nodes.container)
        if c.get("nb_element") == "cell_code"
    ]
    timeout = _timed_out(app, docname)
    for cell in cells:
        tags = cell.get("cell_metadata", {}).get("tags", [])
        snippet = sources.get(_cell_code(cell))
        where = snippet or page
        tracebacks = [
            n
            for n in cell.findall(nodes.literal_block)
            if "traceback" in n.get("classes", [])
        ]
        if tracebacks and "raises-exception" not in tags:
            text = _ANSI.sub("", tracebacks[0].astext())
            lines = _CELL_LINE.findall(text)
            last = text.strip().splitlines()[-1] if text.strip() else "?"
            location = (
                f"{snippet}:{lines[-1]}"
                if snippet and lines
                else (docname, cell.line)
            )
            if timeout and last.startswith("KeyboardInterrupt"):
                # 時間切れのセルは割り込みで止められ、その行が残る
                message = (
                    f"セルの実行が時間切れになりました(ページ {page}、"
                    f"nb_execution_timeout = {timeout} 秒)。"
                    "止めたときに実行していた行です"
                )
                timeout, subtype = None, "timeout"
            else:
                message = f"セルの実行に失敗しました(ページ {page}): {last}"
                subtype = "failed"
            _report(app, docname, message, location, subtype)
        for out in cell.findall(nodes.literal_block):
            if "stderr" not in out.get("classes", []):
                continue
            text = _ANSI.sub("", out.astext())
            found = _KERNEL_WARNING.search(text)
            if found and snippet:
                lineno, kind, msg = found.groups()
                location = f"{snippet}:{lineno}"
            elif found := _ANY_WARNING.search(text):
                # 警告がライブラリの中を指している: 呼び出したスニペットを示す
                file, lineno, kind, msg = found.groups()
                location = where
                msg = f"{msg}({file}:{lineno} で発生)"
            else:
                kind, msg = "stderr", text.strip().splitlines()[0]
                location = where
            _report(
                app,
                docname,
                f"セルが stderr に出力しました(ページ {page}、警告は"
                f"ビルドを失敗させます): {kind}: {msg}",
                location,
                "stderr",
            )
    if timeout:
        _report_timeout(app, docname, page, cells, sources, timeout)


def _timed_out(app, docname: str) -> int | None:
    """ページの実行が時間切れで止まったなら、その秒数。"""
    from myst_nb.sphinx_ import NbMetadataCollector

    data = NbMetadataCollector.get_exec_data(app.env, docname) or {}
    if data.get("error") != "CellTimeoutError":
        return None
    return app.config.nb_execution_timeout


def _report_timeout(app, docname, page, cells, sources, timeout) -> None:
    """割り込めずに止めたとき: 実行番号のない最初のセルを示す。"""
    for cell in cells:
        tags = cell.get("cell_metadata", {}).get("tags", [])
        if cell.get("exec_count") is None and "skip-execution" not in tags:
            break
    else:
        cell = None
    snippet = sources.get(_cell_code(cell)) if cell is not None else None
    stem = Path(snippet).stem if snippet else "…"
    _report(
        app,
        docname,
        f"セルの実行が時間切れになりました(ページ {page}、"
        f"nb_execution_timeout = {timeout} 秒)。止まっている行は "
        f'make test ARGS="--timeout=30 -k {stem}" のトレースで分かります',
        snippet or (docname, cell.line if cell is not None else None),
        "timeout",
    )


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
    # -W のときだけ(make serve のような -W なしの再ビルドは速さを優先する)
    strict = getattr(app, "_fail_on_warnings", False)
    if exception is None and counter.count and strict:
        from sphinx.application import ENV_PICKLE_FILENAME

        (Path(app.doctreedir) / ENV_PICKLE_FILENAME).unlink(missing_ok=True)


def create_cache_db(app) -> None:
    """jupyter-cache のデータベースを、並列の読み込みが始まる前に作る。

    空の状態から ``-j`` でビルドすると、複数のプロセスが同時にテーブルを
    作ろうとして ``table settings already exists`` で落ちることがある。
    """
    if app.config.nb_execution_mode != "cache":
        return
    from jupyter_cache import get_cache

    get_cache(app.config.nb_execution_cache_path).list_cache_records()


def on_purge(app, env, docname: str) -> None:
    _loads(env).pop(docname, None)


def on_merge(app, env, docnames, other) -> None:
    _loads(env).update(
        {d: v for d, v in _loads(other).items() if d in docnames}
    )


def setup(app):
    app.snippet_warning_counter = _WarningCounter()
    # suppress_warnings で抑えた警告は数えない
    app.snippet_warning_counter.addFilter(logging.WarningSuppressor(app))
    _logging.getLogger("sphinx").addHandler(app.snippet_warning_counter)
    app.connect("builder-inited", create_cache_db)
    app.connect("build-finished", forget_env_after_warnings)
    app.connect("source-read", on_source_read)
    app.connect("doctree-read", report_failed_cells)
    app.connect("env-purge-doc", on_purge)
    app.connect("env-merge-info", on_merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
