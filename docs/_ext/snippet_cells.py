"""``:load:`` で読み込むスニペットと、その実行結果を Sphinx に結びつける。

- 読み込んだファイルをページの依存として登録する。myst-nb はこれをしないため、
  登録しないとスニペットを編集してもページが再ビルド・再実行されない。
- 存在しないファイルの ``:load:`` を、ページと行番号つきで報告する。
- セルの実行が失敗したら、ページではなくスニペットのファイルと行番号で報告する
  (-W のもとでビルドは失敗する)。
- 意図して例外を起こすスニペット(``# expect-error: 例外名``)とセルの
  ``raises-exception`` タグが食い違えば警告する。
"""

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


def _loads(env) -> dict[str, list[str]]:
    if not hasattr(env, "snippet_loads"):
        env.snippet_loads = {}
    return env.snippet_loads


def on_source_read(app, docname: str, content: list[str]) -> None:
    page = Path(app.env.doc2path(docname))
    loads = _loads(app.env)[docname] = []
    for cell in code_cells(content[0]):
        path = cell.load(page)
        if path is None:
            continue
        if not path.is_file():
            logger.warning(
                "`:load:` のファイルが見つかりません: %s",
                cell.options["load"][1],
                location=(docname, cell.options["load"][0]),
            )
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


def report_failed_cells(app, doctree: nodes.document) -> None:
    """エラー出力を持つセルを、読み込んだスニペットの行として報告する。"""
    docname = app.env.docname
    sources = {}
    for path in _loads(app.env).get(docname, []):
        sources[Path(path).read_text(encoding="utf-8").strip()] = path
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") != "cell_code":
            continue
        if "raises-exception" in cell.get("cell_metadata", {}).get("tags", []):
            continue
        tracebacks = [
            n
            for n in cell.findall(nodes.literal_block)
            if "traceback" in n.get("classes", [])
        ]
        if not tracebacks:
            continue
        code = cell.children[0].astext().strip() if cell.children else ""
        text = _ANSI.sub("", tracebacks[0].astext())
        lines = _CELL_LINE.findall(text)
        last = text.strip().splitlines()[-1] if text.strip() else "?"
        path = sources.get(code)
        if path and lines:
            location = f"{Path(path).relative_to(app.confdir)}:{lines[-1]}"
        else:
            location = (docname, cell.line)
        logger.warning(
            "セルの実行に失敗しました(ページ %s): %s",
            docname,
            last,
            location=location,
            type="snippet",
            subtype="failed",
        )


def on_purge(app, env, docname: str) -> None:
    _loads(env).pop(docname, None)


def on_merge(app, env, docnames, other) -> None:
    _loads(env).update(
        {d: v for d, v in _loads(other).items() if d in docnames}
    )


def setup(app):
    app.connect("source-read", on_source_read)
    app.connect("doctree-read", report_failed_cells)
    app.connect("env-purge-doc", on_purge)
    app.connect("env-merge-info", on_merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
