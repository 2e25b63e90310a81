"""ページごとに集めたもの(数式、図、ページに載せたスニペット)を、Sphinx の
env に置く入れ物。

ページを読み直す前にそのページの分を消し(``env-purge-doc``)、並列に読んだ
プロセスの分を合わせる(``env-merge-info``)。中身は env と一緒に保存される。
"""


class PageStore:
    """``env.<attribute>``: docname → そのページで集めたもの。"""

    def __init__(self, attribute: str):
        self.attribute = attribute

    def of(self, env) -> dict:
        if not hasattr(env, self.attribute):
            setattr(env, self.attribute, {})
        return getattr(env, self.attribute)

    def put(self, env, docname: str, found) -> None:
        """docname の分を found にする(空なら持たない)。"""
        store = self.of(env)
        store.pop(docname, None)
        if found:
            store[docname] = found

    def everything(self, env) -> dict:
        """すべてのページの分(それぞれが dict)を 1 つにしたもの。"""
        merged: dict = {}
        for found in self.of(env).values():
            merged.update(found)
        return merged

    def purge(self, app, env, docname: str) -> None:
        self.of(env).pop(docname, None)

    def merge(self, app, env, docnames, other) -> None:
        self.of(env).update(
            {d: v for d, v in self.of(other).items() if d in docnames}
        )

    def connect(self, app) -> None:
        app.connect("env-purge-doc", self.purge)
        app.connect("env-merge-info", self.merge)
