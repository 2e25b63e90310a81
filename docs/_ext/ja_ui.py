"""日本語の UI 文言と、mermaid のローカル読み込み。

- myst-nb の「コードを表示/隠す」ボタンの文言を日本語にする。
- mermaid 図のあるページだけに、同梱の mermaid(docs/_static/vendor)を読み込む。
  CDN には一切アクセスしない。
"""

from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.mermaid import mermaid

# myst-nb は "{type}を表示" の {type} を英単語で埋める。それを訳す。
_WORDS = {
    "content": "セル",
    "source": "コード",
    "output": "出力",
    "outputs": "出力",
}


class TranslateHidePrompts(SphinxPostTransform):
    default_priority = 210  # myst-nb の HideInputCells(199)の後
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for node in self.document.findall(HideCodeCellNode):
            for key in ("prompt_show", "prompt_hide"):
                for en, ja in _WORDS.items():
                    if node[key].startswith(en + "を"):
                        node[key] = ja + node[key][len(en) :]
                        break


def add_mermaid_js(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or doctree.next_node(mermaid) is None:
        return
    app.add_js_file("vendor/mermaid/mermaid.min.js", priority=510)
    app.add_js_file("mermaid_init.js", priority=511)


def drop_cdn_loader(app) -> None:
    """sphinxcontrib-mermaid 自身の JS 読み込み(CDN 前提)を外す。"""
    for listener in list(app.events.listeners["html-page-context"]):
        if listener.handler.__module__ == "sphinxcontrib.mermaid":
            app.disconnect(listener.id)


def setup(app):
    app.add_post_transform(TranslateHidePrompts)
    app.connect("builder-inited", drop_cdn_loader)
    app.connect("html-page-context", add_mermaid_js)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
