"""Sphinx の設定。ページは docs/、コード例は src/snippets/ にある。

ビルドは ``make docs``(``sphinx-build -c . docs _build/html``)で行う。
独自のフックとディレクティブは docs/_ext/ に置く。
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

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
    # docs/_ext/ にある自前の拡張
    "snippet_cells",  # :load: の依存登録・失敗箇所の報告
    "gpu_cells",  # gpu タグ → CUDA がなければ skip-execution とバッジ
    "verified_stamp",  # 「torch x / TensorFlow y で実行・検証済み」
    "ja_ui",  # 日本語 UI 文言、mermaid のローカル読み込み
    "kernel_env",  # カーネルの環境変数(TF のログ抑制、IPython 設定の隔離)
    "snippet_reuse",  # テストでの実行結果を再利用し、二重実行を避ける
    "reader_ui",  # 日本語の検索語の分かち書き、.ipynb のダウンロード
    "cjk_linebreaks",  # 日本語の文中の改行を空白として表示しない
]
exclude_patterns = ["_ext", "_static", "_templates", "**/.ipynb_checkpoints"]
templates_path = ["docs/_templates"]
nitpicky = True
suppress_warnings = ["mystnb.unknown_mime_type"]

# ============================================================================
# MyST と myst-nb(ノートブックの実行)
# ============================================================================
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "dollarmath",
    "substitution",
]
myst_heading_anchors = 3
nb_execution_mode = "cache"
BUILDDIR = Path(os.environ.get("DOCS_BUILDDIR", ROOT / "_build"))
nb_execution_cache_path = str(BUILDDIR / ".jupyter_cache")
nb_execution_in_temp = True  # 一時ディレクトリで実行し、作業ツリーを汚さない
nb_execution_timeout = 180  # 1 セルあたりの秒数
nb_execution_raise_on_error = False  # 失敗はスニペットの行番号つきで警告する
nb_execution_show_tb = True
nb_output_stderr = "warn"  # stderr への出力(警告など)はビルドを失敗させる
nb_merge_streams = True
nb_code_prompt_show = "{type}を表示"
nb_code_prompt_hide = "{type}を隠す"

# ============================================================================
# HTML
# ============================================================================
html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["docs/_static"]
html_css_files = ["custom.css"]
html_js_files = [("ja_ui.js", {"priority": 501})]
html_search_language = "ja"
html_search_options = {"type": "sphinx.search.ja.JanomeSplitter"}
html_last_updated_fmt = None
html_copy_source = True
html_theme_options = {
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
copybutton_selector = "div:not(.output) > div.highlight pre"

# mermaid は CDN を使わず、docs/_static/vendor の mermaid を ja_ui が読み込む
# (sphinxcontrib-mermaid の CDN 用ローダーは ja_ui が外す)
mermaid_fullscreen = False

# 数式は同梱の MathJax 3(docs/_static/vendor/mathjax、npm の mathjax@3.2.2)で
# 描く。CDN には一切アクセスしない(_static からの相対パス)
mathjax_path = "vendor/mathjax/tex-mml-chtml.js"
