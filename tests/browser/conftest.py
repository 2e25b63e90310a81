"""ブラウザテストの共通部品: ビルド済みサイトの配信と、ヘッドレス Chromium。

ビルド済みのサイト(``$DOCS_BUILDDIR/html``、既定は ``_build/html``)を
127.0.0.1 の空いているポートで http 配信し、Debian の ``chromium`` を
Playwright で操作する。ブラウザはダウンロードしない。

サイトが未ビルド、または Chromium がないとき、手元では理由を示して skip する。
CI(環境変数 ``CI=true``)では skip せず失敗にする。
"""

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.helpers import (
    CHROMIUM_ARGS,
    LOCAL_HOSTS,
    SITE,
    find_chromium,
    unavailable,
)


# ---------------------------------------------------------------------------
# フィクスチャ
# ---------------------------------------------------------------------------
@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        unavailable(
            f"ビルド済みのサイトがありません({SITE}/index.html)。"
            "先に make docs を実行してください"
        )
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# モジュールごとに起動・終了する。セッションの最後まで残すと、後のテストが
# fork する(DataLoader のワーカーなど)ときにスレッドごと複製されて固まる
@pytest.fixture(scope="module")
def base_url(site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    exe = find_chromium()
    if exe is None:
        unavailable(
            "Chromium がありません(Debian では apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """ブラウザのコンテキスト 1 つ。外部ホストへの要求は記録して遮断する。"""

    def __init__(self, browser, base_url, **options):
        self.base_url = base_url
        self.external: list[str] = []
        self.context = browser.new_context(locale="ja-JP", **options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def goto(self, rel: str, wait: str = "load"):
        self.page.goto(self.base_url + rel, wait_until=wait)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    """``visit(**context_options)`` で新しいコンテキストを開く。"""
    opened = []

    def _open(**options) -> Visit:
        v = Visit(browser, base_url, **options)
        opened.append(v)
        return v

    yield _open
    for v in opened:
        v.close()
