"""コードを載せたページに、出力つきのノートブック(``.ipynb``)を配る。

ビルドで解決済みのページのツリーを、スニペットのセルの位置でコードの
セルと Markdown のセルに分ける。コードのセルはスニペットの内容と、ページに
表示したのと同じ実行記録の出力を持つ。Markdown のセルは、MyST の記法を
含まない、Jupyter が表示できる素の Markdown(``markdown.py``)。できた
ファイルは ``_sources/`` に置き、テーマのダウンロードボタンに加える。
ダウンロードの一覧には、名前どおりのものだけを残す(``keep_real_downloads``)。
"""

import json
from pathlib import Path

import nbformat
from docutils import nodes

from . import gpu_records, records
from .markdown import MarkdownWriter
from .markers import Snippet


def code_cell(snippet: Snippet) -> nbformat.NotebookNode:
    """スニペット 1 つのコードセル(出力はページと同じ実行記録から)。

    ほかのスニペットが使う部品(``# helper-of:``)は、ノートブックの
    フォルダにそのファイル名で書き出すセル(``%%writefile``)にする。
    """
    source = snippet.source.rstrip("\n")
    if snippet.helper_of:
        cell = nbformat.v4.new_code_cell(
            f"%%writefile {snippet.path.name}\n{source}"
        )
        cell.metadata["tags"] = snippet.tags
        return cell
    cell = nbformat.v4.new_code_cell(source)
    tags = list(snippet.tags)  # 例外で終わるコードは raises-exception
    if snippet.requires_cuda and "raises-exception" not in tags:
        # GPU のない機械では、GPU が必要だと 1 文で伝えて終わる。上から順に
        # 実行しても、ここで止めない
        tags.append("raises-exception")
    cell.metadata["tags"] = tags
    record = records.load(snippet)
    if record is not None:
        cell.outputs = nbformat.from_dict(record["outputs"])
    elif snippet.requires_cuda:
        # ページと同じく、GPU で実行した記録(いまの版のものだけ)を持たせる
        gpu = gpu_records.load(snippet)
        if gpu is not None and gpu_records.is_current(gpu, snippet):
            cell.outputs = nbformat.from_dict(gpu_records.outputs(gpu))
    return cell


def doctree_notebook(
    doctree: nodes.document, base_url: str = ""
) -> nbformat.NotebookNode:
    """解決済みのページのツリーから、ノートブックを作る。

    スニペットのセル(``snippet`` 属性を持つコンテナ)はコードのセルに、
    それ以外は Jupyter が表示できる素の Markdown のセルにする。
    """
    cells = []
    writer = MarkdownWriter(
        base_url,
        is_cell=lambda n: isinstance(n, nodes.Element) and "snippet" in n,
        on_cell=lambda n: cells.append(
            code_cell(Snippet.from_id(n["snippet"]))
        ),
        on_markdown=lambda text: cells.append(
            nbformat.v4.new_markdown_cell(text)
        ),
    )
    writer.write(doctree)
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
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    # リンクは公開サイトの絶対 URL に(ノートブックはサイトの外で開かれる)。
    # 公開先が分からないローカルのビルドでは、リンクの文字だけを残す
    base = app.config.html_baseurl
    base_url = base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
    notebook = doctree_notebook(doctree, base_url if base else "")
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
