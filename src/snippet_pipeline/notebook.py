"""コードを載せたページに、出力つきのノートブック(``.ipynb``)を配る。

ページの原稿を、スニペットのディレクティブの位置で Markdown のセルと
コードのセルに分ける。コードのセルはスニペットの内容と、ページに表示した
のと同じ実行記録の出力を持つ。できたファイルは ``_sources/`` に置き、
テーマのダウンロードボタンに加える。ダウンロードの一覧には、名前どおりの
ものだけを残す(``keep_real_downloads``)。
"""

import json
import re
from pathlib import Path

import nbformat

from . import records, values
from .pages import uses

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def page_notebook(text: str, page: Path) -> nbformat.NotebookNode:
    """ページの原稿から、記録の出力を持つノートブックを作る。"""
    text = _FRONT_MATTER.sub("", text)
    lines = text.splitlines()
    cells, start = [], 0

    def markdown(stop: int) -> None:
        chunk = values.plain("\n".join(lines[start:stop]).strip("\n"))
        if chunk.strip():
            cells.append(nbformat.v4.new_markdown_cell(chunk))

    for use in uses(text, page):
        if use.kind == "literalinclude":
            continue  # 対話モードの例などは Markdown のまま残す
        markdown(use.start)
        start = use.end
        for snippet in use.snippets:
            cell = nbformat.v4.new_code_cell(snippet.source.rstrip("\n"))
            cell.metadata["tags"] = snippet.tags
            record = records.load(snippet)
            if record is not None:
                cell.outputs = nbformat.from_dict(record["outputs"])
            cells.append(cell)
    markdown(len(lines))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    code = [c for c in cells if c.cell_type == "code"]
    for count, cell in enumerate(code, start=1):
        cell.execution_count = count
    return notebook


def add_notebook_download(app, pagename, templatename, context, doctree):
    if doctree is None or pagename not in getattr(
        app.env, "snippet_pages", {}
    ):
        return
    page = Path(app.env.doc2path(pagename))
    text = page.read_text(encoding="utf-8")
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = page_notebook(text, page)
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1))
    # sphinx-book-theme の add_header_buttons(priority 501)がこれを見て
    # ダウンロードの一覧に「.ipynb」を加える
    context["ipynb_source"] = f"{pagename}.ipynb"


def keep_real_downloads(app, pagename, templatename, context, doctree):
    """ダウンロードの一覧には、名前どおりのものだけを残す。

    テーマは原稿(``.md``)と「.pdf」も並べるが、原稿にはコードがなく
    (``{snippet}`` のパスだけ)、「.pdf」は印刷のダイアログを開くだけなので、
    どちらも外す。コードと出力は ``.ipynb`` で配る。
    """
    buttons = context.get("header_buttons", [])
    for group in list(buttons):
        if group.get("label") != "download-buttons":
            continue
        group["buttons"] = [
            b
            for b in group["buttons"]
            if b.get("label") == "download-notebook-button"
        ]
        if not group["buttons"]:
            buttons.remove(group)


def setup(app) -> None:
    app.connect("html-page-context", add_notebook_download, priority=500)
    # sphinx-book-theme がボタンを並べる(priority 501)後で
    app.connect("html-page-context", keep_real_downloads, priority=502)
