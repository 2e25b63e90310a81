"""全ページの巡回: ブラウザ 1 つで、すべてのページを画面の幅ごとに 1 度だけ
開く(ライトで開き、色の設定を切り替えてダークも確かめる。PASSES)。

ページごとの確認は checks/<名前>.py にある(書き方は checks/__init__.py)。
開いたページで、その表示を必要とするすべての確認を行い、確認ごとに 1 つの
テストとして結果を示す。巡回はセッションで 1 度だけ(``-k`` で選んだ確認の
必要とする表示だけを回る)。
"""

import fnmatch
import importlib
import os
import time
from urllib.parse import urlsplit

import pytest
from browser import checks
from browser.helpers import IN_CI, LOCAL_HOSTS, MODE_OPTIONS, crawl_pages

NAMES = checks.names()
TIMES = checks.TIMES

# 開いた後、フォント・mermaid の図・数式が描かれるまで待つ(描かれなければ
# それぞれの確認が問題として報告する)
SETTLED = """() => document.fonts.status === 'loaded'
  && [...document.querySelectorAll('pre.mermaid')]
       .every(el => el.querySelector('svg'))
  && [...document.querySelectorAll('.math')]
       .every(el => el.querySelector('mjx-container'))"""
THEME = "document.documentElement.dataset.theme"
# 1 つのコンテキストで続けて確かめる表示の組。同じ組のライトとダークは、
# 画面の幅もタッチも同じで、違うのは prefers-color-scheme だけなので、ページを
# ライトで 1 度開き、色の設定を切り替えて(テーマが data-theme を付け替える)
# ダークを確かめる。ページを開く回数が表示ごとではなく幅ごとになる
PASSES = [("desktop-light", "desktop-dark"), ("phone-light", "phone-dark")]


# テーマの色の切り替えには CSS の transition がある。途中の色を測らない
# ように、切り替える間だけ transition を止める(待たずに済む)
NO_TRANSITIONS = """() => {
  const s = document.createElement('style');
  s.id = '__crawl_no_transitions';
  s.textContent = '*, *::before, *::after { transition: none !important; }';
  document.head.append(s);
}"""
TRANSITIONS_BACK = """() => {
  getComputedStyle(document.body).color;  // 新しい色を確定させてから戻す
  document.getElementById('__crawl_no_transitions')?.remove();
}"""


def _scheme(page, mode, wait=True) -> bool:
    """ページの色の設定を ``mode`` のものにし、テーマがそれに従ったか。"""
    dark = mode.endswith("dark")
    if not wait:
        page.emulate_media(color_scheme="dark" if dark else "light")
        return True
    want = "dark" if dark else "light"
    if page.evaluate(THEME) == want:
        return True
    page.evaluate(NO_TRANSITIONS)
    page.emulate_media(color_scheme=want)
    try:
        page.wait_for_function(f"() => {THEME} === '{want}'", timeout=5000)
    except Exception:
        return False
    finally:
        page.evaluate(TRANSITIONS_BACK)
    return True


def _selected(session) -> list[str]:
    chosen = [
        item.callspec.params["name"]
        for item in session.items
        if item.path.name == "test_crawl.py" and hasattr(item, "callspec")
    ]
    return sorted(set(chosen)) or NAMES


def _open_mode(browser, mode):
    context = browser.new_context(locale="ja-JP", **MODE_OPTIONS[mode])
    page = context.new_page()

    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:")) or (
            urlsplit(url).hostname in LOCAL_HOSTS
        ):
            r.continue_()
        else:
            checks.log(page).external.append(url)
            r.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda e: checks.log(page).errors.append(str(e)))
    return context, page


@pytest.fixture(scope="session")
def crawl(request, browser, base_url) -> dict[str, list[str]]:
    modules = {
        n: importlib.import_module(f"browser.checks.{n}")
        for n in _selected(request.session)
    }
    problems = {n: [] for n in modules}
    modes = sorted(set().union(*(m.MODES for m in modules.values())))
    pages = crawl_pages()
    assert len(pages) > 10, pages
    if only := os.environ.get("CRAWL_PAGES"):
        # 手元で一部のページだけを確かめる(例: CRAWL_PAGES='basics/*')
        if IN_CI:
            pytest.fail("CI では CRAWL_PAGES でページを絞れません")
        pages = [p for p in pages if fnmatch.fnmatch(p, only)]
        TIMES[f"(CRAWL_PAGES={only} のページだけ)"] = 0.0
    for group in PASSES:
        group = [m for m in group if m in modes]
        if not group:
            continue
        # ページを操作する確認(LAST = True)は、ほかの確認の後に行う
        due = {
            mode: {
                n: m
                for n, m in sorted(
                    modules.items(),
                    key=lambda nm: (getattr(nm[1], "LAST", 0), nm[0]),
                )
                if mode in m.MODES
            }
            for mode in group
        }
        started = time.perf_counter()
        context, page = _open_mode(browser, group[0])
        try:
            for rel in pages:
                url = base_url + rel
                checks.reset_log(page)
                _scheme(page, group[0], wait=False)
                page.goto(url, wait_until="load")
                try:
                    page.wait_for_function(SETTLED, timeout=20000)
                except Exception:
                    pass
                # ライトで開いたページをダークに切り替えて(開き直さずに)
                # ダークの確認を行い、ページを操作する確認は最後にライトで
                for mode, last in [(m, False) for m in group] + [
                    (m, True) for m in group
                ]:
                    run = {
                        n: m
                        for n, m in due[mode].items()
                        if bool(getattr(m, "LAST", 0)) == last
                    }
                    if not run:
                        continue
                    if not _scheme(page, mode):
                        for n in run:
                            problems[n].append(f"{rel}: 表示が {mode} でない")
                    for n, m in run.items():
                        t = time.perf_counter()
                        try:
                            found = m.check(page, url, mode)
                        except Exception as e:  # 1 つの確認の失敗で止めない
                            found = [
                                f"{rel} ({mode}): 確認が例外で止まった: {e}"
                            ]
                        problems[n].extend(found)
                        TIMES[n] += time.perf_counter() - t
        finally:
            context.close()
        TIMES[f"(巡回 {'、'.join(group)}、{len(pages)} ページ)"] = (
            time.perf_counter() - started
        )
    for n, m in modules.items():
        if hasattr(m, "finish"):
            problems[n].extend(m.finish())
    return problems


@pytest.mark.timeout(1200)  # 最初のテストが全ページを巡回する
@pytest.mark.parametrize("name", NAMES)
def test_page_check(crawl, name):
    problems = crawl[name]
    shown = "\n".join(problems[:60])
    more = f"\n…ほか {len(problems) - 60} 件" if len(problems) > 60 else ""
    assert not problems, f"{len(problems)} 件の問題:\n{shown}{more}"
