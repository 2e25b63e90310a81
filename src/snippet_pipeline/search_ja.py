"""検索ページ(search.html)に ``_static/ja_search.js`` を読み込む。

検索窓に入れた「勾配を計算」のような語を、索引にある語に分けて検索する。
"""


def add_search_splitter(app, pagename, templatename, context, doctree):
    if pagename == "search":
        app.add_js_file("ja_search.js", priority=200)


def setup(app) -> None:
    app.connect("html-page-context", add_search_splitter)
