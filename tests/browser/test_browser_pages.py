"""404 ページとビルドレポート。"""

from browser.helpers import pages_with_class


def test_404_page(visit, site):
    page = visit().goto("404.html")
    assert "見つかりません" in page.locator("article h1").first.inner_text()
    href = page.locator("article a[href$='index.html']").first
    assert href.count() == 1
    assert "search" in page.content()


def test_build_report_lists_every_executed_page(visit, site):
    page = visit().goto("appendix/build_report.html")
    table = page.locator("article table")
    assert table.count() == 1
    rows = table.locator("tbody tr").all_inner_texts()
    executed = pages_with_class("cell")
    assert len(rows) >= len(executed)
    for rel in executed:
        doc = rel.removesuffix(".html")
        row = next((r for r in rows if doc in r), None)
        assert row is not None, f"{doc} がビルドレポートにない"
        assert "成功" in row, row
