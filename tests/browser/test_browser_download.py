"""ダウンロード: 実行したページは .ipynb で保存でき、上から実行できる。"""

import json
import subprocess
import sys
from urllib.parse import urljoin

import nbformat
import pytest
from browser.helpers import pages_with_class, scan

_EXECUTE = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3",
               resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, sys.argv[1])
"""


@pytest.mark.timeout(600)
def test_downloaded_notebook_runs_top_to_bottom(visit, site, tmp_path):
    """GPU のセルがない、いちばん小さいノートブックを実行する。"""
    candidates = [
        p
        for p in pages_with_class("cell")
        if p not in pages_with_class("tag_gpu")
    ]
    # ページを開かず、HTML にあるリンクからノートブックを取得する
    # (メニューに見えることは checks/notebook_download.py が確かめる)
    v = visit()
    notebooks = []
    for rel in candidates:
        href = next(
            a["href"]
            for a in scan(rel).attrs
            if a["_tag"] == "a" and (a.get("href") or "").endswith(".ipynb")
        )
        url = urljoin(v.base_url + rel, href)
        notebooks.append(v.context.request.get(url).text())
    text = min(notebooks, key=len)
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    path = tmp_path / "downloaded.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    # 別のプロセスで実行する(jupyter のイベントループを Playwright と
    # 同じプロセスに残さない)。カーネルはこの venv の python3
    subprocess.run(
        [sys.executable, "-c", _EXECUTE, str(path), str(tmp_path)],
        check=True,
        timeout=540,
    )
    executed = nbformat.read(path, as_version=4)
    codes = [c for c in executed.cells if c.cell_type == "code"]
    assert codes and all(c.execution_count for c in codes)
    errors = [
        o
        for c in codes
        for o in c.outputs
        if o.output_type == "error"
        and "raises-exception" not in c.metadata.get("tags", [])
    ]
    assert not errors, errors


def test_only_downloads_that_deliver_their_name(visit, site):
    """原稿(.md、コードのない {snippet} のパスだけ)と、印刷のダイアログを
    開くだけの「.pdf」は並べない。コードのないページにはダウンロードがない。
    """
    v = visit()
    page = v.goto("practice/techniques/save_load.html")
    items = page.locator(".dropdown-download-buttons .dropdown-item")
    assert [t.strip() for t in items.all_inner_texts()] == [".ipynb"]
    page = v.goto("index.html")
    assert page.locator(".dropdown-download-buttons").count() == 0


def test_print_shows_every_tab_and_wraps_code(visit, site):
    page = visit().goto("practice/techniques/save_load.html")
    page.emulate_media(media="print")
    tabs = page.locator(".sd-tab-set").first.locator(".sd-tab-content")
    assert tabs.count() == 2
    for i in range(2):
        assert tabs.nth(i).is_visible()
    wrap = page.locator("div.highlight pre").first.evaluate(
        "e => getComputedStyle(e).whiteSpace"
    )
    assert wrap == "pre-wrap"
