"""コードを載せたページに、出力つきのノートブック(``.ipynb``)を配る。

ページの原稿を、スニペットのディレクティブの位置で Markdown のセルと
コードのセルに分ける。コードのセルはスニペットの内容と、ページに表示した
のと同じ実行記録の出力を持つ。できたファイルは ``_sources/`` に置き、
テーマのダウンロードボタンに加える。
"""

import json
import re
from pathlib import Path

import nbformat

from . import records
from .markers import SNIPPETS, Snippet

_DIRECTIVE = re.compile(r"^(`{3,}|~{3,})\{(snippet|snippet-pair)\}\s+(\S+)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _snippets(kind: str, name: str) -> list[Snippet]:
    if kind == "snippet":
        return [Snippet(SNIPPETS / name)]
    found = [Snippet(SNIPPETS / f"{name}_torch.py")]
    for suffix in ("_keras", "_tf"):
        if (SNIPPETS / f"{name}{suffix}.py").is_file():
            found.append(Snippet(SNIPPETS / f"{name}{suffix}.py"))
    return found


def page_notebook(text: str) -> nbformat.NotebookNode:
    """ページの原稿から、記録の出力を持つノートブックを作る。"""
    cells, markdown = [], []
    lines = _FRONT_MATTER.sub("", text).splitlines()
    i = 0
    while i < len(lines):
        found = _DIRECTIVE.match(lines[i])
        if not found:
            markdown.append(lines[i])
            i += 1
            continue
        fence = found.group(1)
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            i += 1
        i += 1
        if "".join(markdown).strip():
            cells.append(nbformat.v4.new_markdown_cell("\n".join(markdown)))
        markdown = []
        for snippet in _snippets(found.group(2), found.group(3)):
            cell = nbformat.v4.new_code_cell(snippet.source.rstrip("\n"))
            record = records.load(snippet)
            if record is not None:
                cell.outputs = nbformat.from_dict(record["outputs"])
            cells.append(cell)
    if "".join(markdown).strip():
        cells.append(nbformat.v4.new_markdown_cell("\n".join(markdown)))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    for count, cell in enumerate(
        (c for c in cells if c.cell_type == "code"), start=1
    ):
        cell.execution_count = count
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.execution_count = count
    return notebook


def add_notebook_download(app, pagename, templatename, context, doctree):
    if doctree is None or pagename not in getattr(
        app.env, "snippet_pages", {}
    ):
        return
    text = Path(app.env.doc2path(pagename)).read_text(encoding="utf-8")
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = page_notebook(text)
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1))
    # sphinx-book-theme の add_header_buttons(priority 501)がこれを見て
    # ダウンロードの一覧に「.ipynb」を加える
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app) -> None:
    app.connect("html-page-context", add_notebook_download, priority=500)
