"""mermaid 図のあるページだけに、同梱の mermaid(docs/_static/vendor)を
読み込む。sphinxcontrib-mermaid 自身の読み込み(CDN 前提)は外す。
"""

from sphinxcontrib.mermaid import mermaid


def add_mermaid_js(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or doctree.next_node(mermaid) is None:
        return
    app.add_js_file("vendor/mermaid/mermaid.min.js", priority=510)
    app.add_js_file("mermaid_init.js", priority=511)


def drop_cdn_loader(app) -> None:
    for listener in list(app.events.listeners["html-page-context"]):
        if listener.handler.__module__ == "sphinxcontrib.mermaid":
            app.disconnect(listener.id)


def setup(app) -> None:
    app.connect("builder-inited", drop_cdn_loader)
    app.connect("html-page-context", add_mermaid_js)
