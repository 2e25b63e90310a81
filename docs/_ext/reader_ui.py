"""読者が使う機能: 日本語の検索語の分かち書きと、ノートブックのダウンロード。

- 検索ページ(search.html)に ``_static/ja_search.js`` を読み込む。検索窓に
  入れた「勾配を計算」のような語を、索引にある語に分けて検索する。
- コードを実行したページでは、実行済みのノートブック(``.ipynb``)を
  ``_sources/`` に置き、テーマのダウンロードボタンに加える。
  (sphinx-book-theme は Binder などの起動ボタンを設定したときしか
  ``.ipynb`` を出さない。外部サービスには頼らず、ここで加える。)
"""

import shutil
from pathlib import Path


def add_search_splitter(app, pagename, templatename, context, doctree):
    if pagename == "search":
        app.add_js_file("ja_search.js", priority=200)


def add_notebook_download(app, pagename, templatename, context, doctree):
    """myst-nb が書き出した実行済みのノートブックを配る。"""
    if doctree is None or not context.get("page_source_suffix"):
        return
    out_dir = Path(app.outdir)
    executed = out_dir.parent / "jupyter_execute" / f"{pagename}.ipynb"
    if not executed.is_file():
        return
    target = out_dir / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(executed, target)
    # sphinx-book-theme の add_header_buttons(priority 501)がこれを見て
    # ダウンロードの一覧に「.ipynb」を加える
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app):
    app.connect("html-page-context", add_search_splitter)
    app.connect("html-page-context", add_notebook_download, priority=500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
