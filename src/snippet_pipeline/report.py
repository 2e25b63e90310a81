"""ビルドレポート: ``{snippet-report}`` の位置に、ページごとの実行結果の表。

各ページについて、載せたスニペットの数、実行記録の実行時間の合計、状態
(成功 / GPU がないため未実行 / 失敗)を並べる。すべてのページを読み終えて
から書き出すときに表を作り、レポートのページは毎回書き直す。
"""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import records
from .markers import Snippet


class report_placeholder(nodes.General, nodes.Element):
    """書き出しのときに表に置き換える印。"""


class SnippetReportDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        pages = getattr(self.env, "snippet_report_pages", set())
        pages.add(self.env.docname)
        self.env.snippet_report_pages = pages
        return [report_placeholder()]


def _row(cells: list) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += (
            cell
            if isinstance(cell, nodes.Node)
            else nodes.paragraph("", str(cell))
        )
        row += entry
    return row


def _status(app, snippets: list[Snippet]) -> tuple[str, float]:
    failures = getattr(app, "snippet_failures", {})
    seconds, status = 0.0, "成功"
    for snippet in snippets:
        if snippet.helper_of:
            continue
        if snippet.sha256 in failures:
            return "失敗", seconds
        record = records.load(snippet)
        if record is not None:
            seconds += record["seconds"]
        elif not snippet.runnable_here:
            status = "成功(GPU のコードは未実行)"
        else:
            return "記録なし", seconds
    return status, seconds


def fill_reports(app, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(report_placeholder))
    if not placeholders:
        return
    headers = ["ページ", "コード例の数", "実行時間(秒)", "状態"]
    table = nodes.table(classes=["snippet-report"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in headers)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    pages = getattr(app.env, "snippet_pages", {})
    for page in sorted(pages):
        snippets = [Snippet.from_id(name) for name in pages[page]]
        status, seconds = _status(app, snippets)
        link = nodes.reference(
            "",
            app.env.titles[page].astext() if page in app.env.titles else page,
            refuri=app.builder.get_relative_uri(docname, page),
        )
        label = nodes.paragraph("", "", link, nodes.Text(f"({page})"))
        body += _row([label, len(snippets), f"{seconds:.1f}", status])
    group += body
    for placeholder in placeholders:
        placeholder.replace_self(table.deepcopy())


def always_rewrite(app, env, added, changed, removed) -> list[str]:
    return sorted(getattr(env, "snippet_report_pages", set()))


def setup(app) -> None:
    app.add_node(report_placeholder)
    app.add_directive("snippet-report", SnippetReportDirective)
    app.connect("env-get-outdated", always_rewrite)
    app.connect("doctree-resolved", fill_reports)
