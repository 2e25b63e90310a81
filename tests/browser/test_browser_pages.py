"""404 ページとビルドレポート。"""

from browser.helpers import pages_with_class


def test_404_page(visit, site):
    page = visit().goto("404.html")
    assert "見つかりません" in page.locator("article h1").first.inner_text()
    href = page.locator("article a[href$='index.html']").first
    assert href.count() == 1
    assert "search" in page.content()


# 深いパスの、存在しないページ(ホスティングは 404.html をそのパスで返す)
MISSING = "a/b/c/missing.html"
# 読み込んだ CSS がすべて規則を持ち、テーマの CSS が効いている(ヘッダーが
# 既定の inline のままでない)
PAGE_STYLED = """() => {
  const css = [...document.styleSheets].filter(s => s.href);
  const loaded = s => { try { return s.cssRules.length > 0; }
                        catch (e) { return false; } };
  const header = document.querySelector('.bd-header-article, header');
  return css.length > 0 && css.every(loaded)
    && getComputedStyle(header).display !== 'inline';
}"""


def test_404_from_nested_path_keeps_style_and_links(visit, site):
    """どの深さの存在しないパスでも、404 ページの CSS・JavaScript・画像が
    読み込まれ、リンクがすべて実在のページを指す(serve.py はホスティングと
    同じく、ないパスに 404.html の中身を返す)。"""
    v = visit()
    failed = []
    v.page.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith(MISSING)
            else None
        ),
    )
    response = v.page.goto(v.base_url + MISSING, wait_until="load")
    page = v.page
    assert response.status == 404
    assert "見つかりません" in page.locator("article h1").first.inner_text()
    assert not failed, f"読み込めないもの: {failed}"
    assert page.evaluate(PAGE_STYLED), "CSS が効いていない"
    hrefs = page.eval_on_selector_all(
        "a[href]", "els => [...new Set(els.map(a => a.href))]"
    )
    internal = [
        h.split("#")[0]
        for h in hrefs
        if h.startswith(v.base_url) and h.split("#")[0] != page.url
    ]
    assert len(internal) > 10, hrefs
    broken = [
        h for h in sorted(set(internal)) if not v.context.request.get(h).ok
    ]
    assert not broken, f"{MISSING} の 404 ページのリンク切れ: {broken}"
    assert not v.errors, v.errors


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
