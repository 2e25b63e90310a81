"""ブラウザテストの共通部品: ビルド済みサイトの配信と、ヘッドレス Chromium。

ビルド済みのサイト(``$DOCS_BUILDDIR/html``、既定は ``_build/html``)を
127.0.0.1 の空いているポートで http 配信し、Debian の ``chromium`` を
Playwright で操作する。ブラウザはダウンロードしない。

サイトが未ビルド、または Chromium がないとき、手元では理由を示して skip する。
CI(環境変数 ``CI=true``)では skip せず失敗にする。
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.helpers import (
    LOCAL_HOSTS,
    SITE,
    find_chromium,
    unavailable,
)

# 図をビルド時に描くときと同じ起動の仕方(ヘッドレス、通信なし)
from snippet_pipeline.mermaid_local import CHROMIUM_ARGS


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


# 配信は別のプロセス(serve.py)で、セッションに 1 つ。テストのプロセスに
# 配信のスレッドを置かない(後のテストが fork するとき、スレッドごと複製されて
# 固まる)。ないパスには 404.html を状態 404 で返す(ホスティングと同じ)
@pytest.fixture(scope="session")
def base_url(site) -> str:
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("serve.py")), str(site)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


# Chromium はセッションに 1 つ。テストごとにコンテキスト(Visit)を開く
@pytest.fixture(scope="session")
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


def pytest_terminal_summary(terminalreporter):
    """全ページの巡回の所要時間(確認ごと)、axe の違反の数、重いページを
    示す。"""
    from browser.checks import TIMES as times

    if not times:
        return
    terminalreporter.section("全ページの巡回の所要時間")
    for name, sec in sorted(times.items(), key=lambda kv: -kv[1]):
        terminalreporter.write_line(f"{sec:7.1f} s  {name}")
    from browser.checks.axe import COUNTS

    if COUNTS:
        terminalreporter.section("axe の違反(表示・規則・影響ごとの箇所の数)")
        for (mode, rule, impact), n in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{n:5d}  {mode}  {rule}({impact})")
    from browser.checks.weight import WEIGHTS

    if WEIGHTS:
        terminalreporter.section("重いページ(初めて開いたときに読み込む量)")
        for rel, size in sorted(WEIGHTS.items(), key=lambda kv: -kv[1])[:5]:
            terminalreporter.write_line(f"{size / 1024:7.0f} KB  {rel}")
