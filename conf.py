"""Sphinx の設定。ページは docs/、コード例は src/snippets/ にある。

ビルドは ``make docs``(``sphinx-build -c . docs _build/html``)で行う。
コード例の実行と表示は src/snippet_pipeline(Sphinx 拡張)が受け持つ。
"""

import os
from urllib.parse import urlsplit

# ============================================================================
# プロジェクト情報
# ============================================================================
project = "PyTorch と TensorFlow/Keras 実践ガイド"
author = "pytorch-keras-ja の執筆者たち"
copyright = "2026, " + author
language = "ja"

# ============================================================================
# 拡張機能
# ============================================================================
extensions = [
    "myst_nb",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinxcontrib.mermaid",
    # 404 ページ(docs/404.md)の URL を絶対パスにする(下の notfound_urls_prefix)
    "notfound.extension",
    # {snippet} ディレクティブ: スニペットを実行し、その記録を表示する
    "snippet_pipeline",
]
exclude_patterns = ["_static", "_templates", "**/.ipynb_checkpoints"]
nitpicky = True

# ============================================================================
# MyST(myst-nb が読み込む)
# ============================================================================
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "dollarmath",
    "substitution",
]
myst_heading_anchors = 3
# コードは myst-nb のカーネルでは実行しない。{snippet} が、テストと同じ
# 実行器(snippet_pipeline.executor)の記録を表示する
nb_execution_mode = "off"

# ============================================================================
# 404 ページ(sphinx-notfound-page)
# ============================================================================
# ホスティングは、存在しないパスに 404.html の中身をそのパスのまま返す。
# 相対パスのリンクと CSS は深いパスでは切れるので、サイトの根からの絶対パスに
# する。Read the Docs ではサイトの URL のパス(READTHEDOCS_CANONICAL_URL の
# パス、例 /ja/latest/)、手元(make serve やブラウザテスト)ではサイトの根 /。
notfound_urls_prefix = (
    urlsplit(os.environ.get("READTHEDOCS_CANONICAL_URL", "")).path or "/"
)

# ============================================================================
# HTML
# ============================================================================
html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["docs/_static"]
html_css_files = ["custom.css"]
html_js_files = [
    ("ja_ui.js", {"priority": 501}),
    # 本文の上の ☰ とページの目次のボタンを働かせる(テーマの不具合の回避)
    "sidebar_toggle.js",
    # 目次の開閉ボタンと検索ボタンに、支援技術が読む名前を付ける
    "a11y.js",
]
html_search_language = "ja"
html_search_options = {"type": "sphinx.search.ja.JanomeSplitter"}
html_last_updated_fmt = None
html_copy_source = True
# テーマの部品(components/ の同名のファイル)のうち英語の文言を持つものは
# docs/_templates で置き換え、
# 翻訳のない文言は docs/locales の sphinx.po で補う。
# docs/_templates/layout.html は、テーマの layout.html から重い読み込み
# (fontawesome.js と、検索のページ以外での検索の索引)を外したもの
templates_path = ["docs/_templates"]
locale_dirs = ["locales"]
html_theme_options = {
    # 検索窓の文言(既定は英語の「Search...」)
    "search_bar_text": "サイト内を検索…",
    "show_toc_level": 2,
    "use_download_button": True,
    "home_page_in_toc": True,
    "navigation_with_keys": False,
}

# コピー時に >>> や ... のプロンプトと出力を除く。>>> と ... は pygments が
# .gp(出力は .go)として印を付けるので copybutton_exclude で除く。正規表現で
# 探すと、セルの docstring 中の doctest(>>>)の行だけがコピーされてしまう。
copybutton_prompt_text = r"\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"
# {snippet-part} の区間(.snippet-step)は単独では動かないのでコピーさせない
copybutton_selector = "div:not(.output):not(.snippet-step) > div.highlight pre"

# mermaid の図は、ビルド時に同梱の mermaid で SVG にしてページに埋め込む
# (snippet_pipeline.mermaid_local)。読者のブラウザは mermaid を読み込まない
mermaid_fullscreen = False

# 数式は、ビルド時に同梱の MathJax 3(npm の mathjax@3.2.2)で SVG にして
# ページに埋め込む(snippet_pipeline.math_svg)。読者のブラウザは MathJax を
# 読み込まない
html_math_renderer = "svg"


# ============================================================================
# 拡張のない小さな処理
# ============================================================================
def _absolute_links_in_404(app, doctree, docname):
    """404 ページの本文のリンクも、サイトの根からの絶対パスにする
    (sphinx-notfound-page はテーマとサイドバーのリンクだけを直す)。"""
    if docname != "404":
        return
    from docutils import nodes

    for node in doctree.findall(nodes.reference):
        uri = node.get("refuri", "")
        if uri and not urlsplit(uri).scheme and not uri.startswith(("/", "#")):
            node["refuri"] = notfound_urls_prefix + uri


def _visit_hidden_cell(self, node):
    """折りたたんだコード(myst-nb)の <summary> に英語の aria-label
    ("Toggle hidden content")を付けない。読み上げの名前は、見えている
    「コードを表示」「コードを隠す」になる。"""
    from myst_nb.sphinx_ import visit_HideCellInput

    start = len(self.body)
    visit_HideCellInput(self, node)
    self.body[start:] = [
        part.replace(' aria-label="Toggle hidden content"', "")
        for part in self.body[start:]
    ]


def setup(app):
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

    app.connect("doctree-resolved", _absolute_links_in_404)
    app.add_node(
        HideCodeCellNode,
        override=True,
        html=(_visit_hidden_cell, depart_HideCellInput),
    )
