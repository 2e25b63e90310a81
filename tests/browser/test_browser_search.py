"""検索: 読者が打つ語で、読みたいページが上位 3 件に、すぐに出る。

問い合わせ集は tests/browser/search_queries.toml(作り方はそのファイルの
先頭に書いてある)。ビルド済みサイトの検索ページ(search.html)の検索窓に
語を打って Enter を押し、ブラウザが表示した結果の上から 3 件を読む。

- 95% 以上の問い合わせで、目的のページが上位 3 件に入ること
- Enter から最初の結果が表示されるまでが 300 ms 以内であること
  (ブラウザの時計で測る。ページの再読み込みがあればそれも含む)
- ページの題名で検索すると、そのページが 1 位に出ること
- 同義語が用語集の表そのものから作られていること
- 索引は検索ページだけが読み込み、予算の大きさに収まること

別の問い合わせ集で測るときは、環境変数 SEARCH_QUERIES にその .toml のパスを
入れる(``-k quickly`` で順位の表も見られる: ``pytest -s``)。
"""

import json
import os
import re
import time
import tomllib
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from browser.helpers import page_title, site_pages

# 別の問い合わせ集で測るときは SEARCH_QUERIES にそのパスを入れる
QUERIES_FILE = Path(
    os.environ.get("SEARCH_QUERIES")
    or Path(__file__).with_name("search_queries.toml")
)
QUERIES = tomllib.loads(QUERIES_FILE.read_text(encoding="utf-8"))["query"]
TOP = 3  # 上位何件までに目的のページがあればよいか
REQUIRED_SHARE = 0.95  # 問い合わせのうち、目的のページが上位に出る割合
LATENCY_MS = 300  # Enter から最初の結果が出るまで
RETRIES = 2  # 300 ms を超えたときに測り直す回数

SEARCH_INPUT = ".bd-search-container form.bd-search input[name=q]"

# 結果が表示された時刻を、ページのスクリプトより先に仕掛けた監視で記録する
# (検索ページが読み込み直されても、新しいページで同じように記録する)
RECORD_TIMES = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  // Enter を押した時刻(ページが読み込み直されても残るよう sessionStorage に)
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      sessionStorage.setItem("enterAt", performance.timeOrigin + e.timeStamp);
    }
  }, true);
  const mark = () => {
    const box = document.getElementById("search-results");
    if (!box) return;
    if (window.__firstResultAt === undefined &&
        box.querySelector("ul.search > li")) {
      window.__firstResultAt = now();
    }
    const summary = box.querySelector(".search-summary");
    if (window.__searchDoneAt === undefined && summary &&
        summary.textContent.trim()) {
      window.__searchDoneAt = now();
    }
  };
  new MutationObserver(mark).observe(document, {
    subtree: true, childList: true, characterData: true,
  });
})();
"""

READ_RESULTS = """
() => {
  if (window.__searchDoneAt === undefined) return null;
  return {
    enter: Number(sessionStorage.getItem("enterAt")),
    first: window.__firstResultAt ?? window.__searchDoneAt,
    links: [...document.querySelectorAll("#search-results ul.search > li > a")]
      .map(a => a.href),
  };
}
"""


def docname(href: str, base_url: str) -> str:
    """結果のリンクを docname(拡張子なし、docs/ からの相対)に直す。"""
    path = urlsplit(href).path
    return path[len(urlsplit(base_url).path) :].removesuffix(".html")


class SearchPage:
    """検索ページで、読者と同じく検索窓に打って Enter を押す。"""

    def __init__(self, visit, base_url):
        self.base_url = base_url
        self.visit = visit()
        self.visit.context.add_init_script(RECORD_TIMES)
        self.page = self.visit.goto("search.html")

    def search(self, query: str) -> tuple[list[str], float]:
        """(上から順の docname, Enter から最初の結果までのミリ秒)を返す。"""
        page = self.page
        page.fill(SEARCH_INPUT, query)
        # 前の結果と時刻を消してから Enter を押す
        page.evaluate(
            """() => {
              delete window.__firstResultAt;
              delete window.__searchDoneAt;
              sessionStorage.removeItem("enterAt");
              document.getElementById("search-results")?.replaceChildren();
            }"""
        )
        page.press(SEARCH_INPUT, "Enter")
        deadline = time.monotonic() + 15
        while True:
            try:
                got = page.evaluate(READ_RESULTS)
            except Exception:  # 再読み込みの途中(文脈が入れ替わった)
                got = None
            if got is not None:
                break
            if time.monotonic() > deadline:
                pytest.fail(f"「{query}」の検索が 15 秒で終わりません")
            time.sleep(0.01)
        assert not self.visit.errors, self.visit.errors
        pages = [docname(h, self.base_url) for h in got["links"]]
        return pages, got["first"] - got["enter"]


@pytest.mark.timeout(600)
def test_queries_find_their_page_quickly(visit, base_url, site):
    """問い合わせの 95% 以上で目的のページが上位 3 件に、300 ms 以内に出る。"""
    sp = SearchPage(visit, base_url)
    sp.search("PyTorch")  # 1 回目は索引の読み込みを待つことがある
    misses, slow, lines, latencies = [], [], [], []
    for case in QUERIES:
        query, wanted = case["q"], case["pages"]
        found, ms = sp.search(query)
        # 遅いときは測り直す(この機械はほかの仕事と CPU を分け合っており、
        # 描画が一時止まることがある。本当に遅ければ 3 回とも遅い)
        for _ in range(RETRIES):
            if ms <= LATENCY_MS:
                break
            ms = min(ms, sp.search(query)[1])
        latencies.append(ms)
        rank = next((i + 1 for i, p in enumerate(found) if p in wanted), None)
        ok = rank is not None and rank <= TOP
        lines.append(
            f"{'OK ' if ok else 'NG '} {rank or '-':>2} {ms:6.1f}ms "
            f"{query}  ->  {found[:TOP]}"
        )
        if not ok:
            misses.append(f"{query}: {found[:TOP]}(正解 {wanted})")
        if ms > LATENCY_MS:
            slow.append(f"{query}: {ms:.0f} ms")
    share = 1 - len(misses) / len(QUERIES)
    latencies.sort()
    report = "\n".join(
        [
            *lines,
            f"上位 {TOP} 件に目的のページ: "
            f"{len(QUERIES) - len(misses)}/{len(QUERIES)}({share:.0%})",
            f"最初の結果まで: 中央値 {latencies[len(latencies) // 2]:.1f} ms、"
            f"最大 {latencies[-1]:.1f} ms",
        ]
    )
    print(report)
    assert share >= REQUIRED_SHARE, (
        f"上位 {TOP} 件に目的のページがない問い合わせが多すぎます"
        f"({share:.0%} < {REQUIRED_SHARE:.0%}):\n"
        + "\n".join(misses)
        + "\n\n"
        + report
    )
    assert not slow, (
        f"最初の結果まで {LATENCY_MS} ms を超えました: {slow}\n\n{report}"
    )


def test_query_set_is_well_formed(site):
    """問い合わせ集: 40 件以上、重複がなく、正解のページが実在する。"""
    if os.environ.get("SEARCH_QUERIES"):
        pytest.skip("SEARCH_QUERIES の別の問い合わせ集で測っています")
    assert len(QUERIES) >= 40
    queries = [c["q"] for c in QUERIES]
    assert len(set(queries)) == len(queries)
    for case in QUERIES:
        for name in case["pages"]:
            assert (site / f"{name}.html").is_file(), (case["q"], name)


def test_query_is_split_into_index_terms(visit, site):
    """複合語が索引の語に分かれること(強調表示と要約に使う分かち書き)。"""
    v = visit()
    page = v.goto("search.html?q=" + quote("勾配を計算"))
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')"
        "?.textContent.trim().length > 0",
        timeout=15000,
    )
    terms = page.evaluate("() => splitQuery('勾配を計算')")
    assert terms == ["勾配", "計算"]
    assert page.evaluate("() => splitQuery('PyTorchのテンソル')") == [
        "PyTorch",
        "テンソル",
    ]


def test_page_title_finds_its_page_first(visit, site):
    """ページの題名で検索すると、そのページ(同じ題名のページ)が 1 位に出る。

    順位付けそのものの確認なので、検索窓を通さず順位付けの関数を直接呼ぶ。
    """
    titles: dict[str, set[str]] = {}
    for rel in site_pages():
        titles.setdefault(page_title(rel), set()).add(
            rel.removesuffix(".html")
        )
    v = visit()
    page = v.goto("search.html")
    page.wait_for_function("() => typeof JA_SEARCH !== 'undefined'")
    page.wait_for_function("() => Search._index !== null")
    firsts = page.evaluate(
        "ts => ts.map(t => JA_SEARCH.rank(t).slice(0, 3).map(r => r[0]))",
        list(titles),
    )
    wrong = {
        title: found
        for (title, pages), found in zip(titles.items(), firsts, strict=True)
        if not found or found[0] not in pages
    }
    assert not wrong, f"題名で検索して 1 位に出ないページ: {wrong}"


INDEX_JS = "_static/ja_search_index.js"
INDEX_BUDGET = 250_000  # 索引の大きさの上限(バイト、圧縮前)


def load_index(site) -> dict:
    text = (site / INDEX_JS).read_text(encoding="utf-8")
    prefix, suffix = "JA_SEARCH.setIndex(", ");\n"
    assert text.startswith(prefix) and text.endswith(suffix)
    return json.loads(text[len(prefix) : -len(suffix)])


def test_index_is_small_and_loaded_only_by_the_search_page(site):
    """索引は検索ページだけが読み込み、大きさは予算の内に収まる。"""
    assert (site / INDEX_JS).stat().st_size <= INDEX_BUDGET
    assert "ja_search_index.js" in (site / "search.html").read_text("utf-8")
    loading = [
        rel
        for rel in site_pages()
        if "ja_search_index.js" in (site / rel).read_text("utf-8")
    ]
    assert not loading, f"検索ページ以外が索引を読み込んでいます: {loading}"


def test_synonyms_are_the_glossary(visit, site):
    """同義語は用語集の表(日本語と英語の列)そのものから作られている。"""
    v = visit()
    page = v.goto("appendix/glossary.html")
    rows = page.eval_on_selector_all(
        "article table tbody tr",
        "rows => rows.map(r => [...r.cells].slice(0, 2)"
        ".map(c => c.textContent.trim()))",
    )
    assert len(rows) >= 10
    groups = [" | ".join(g) for g in load_index(site)["synonyms"]]
    assert len(groups) == len(rows)
    for (ja, en), group in zip(rows, groups, strict=True):
        ja_main = unicodedata.normalize("NFKC", ja).split("(")[0].strip()
        en_word = re.findall(r"[a-z0-9]+", en.lower())[-1]
        assert ja_main in group and en_word in group, (ja, en, group)


def test_query_tokens_match_index_tokens(visit, site):
    """検索窓の語(ja_search.js)と索引(search_index.py)を同じ規則で分ける。

    2 つの実装がずれると、索引にある語が検索で引けなくなる。
    """
    from snippet_pipeline.search_index import tokenize

    index = load_index(site)
    samples = [title for _, title, _ in index["docs"]]
    samples += [h for heads in index["heads"] for _, h in heads]
    samples += [
        "学習率を下げる",
        "PyTorchのテンソルを__len__で",
        "ＤａｔａＬｏａｄｅｒ と ｽｹｼﾞｭｰﾗ",
        "torch.nn.Module.state_dict() 32 x",
        "データ型・作成・演算 々 〆 ヶ月",
    ]
    v = visit()
    page = v.goto("search.html")
    page.wait_for_function("() => typeof JA_SEARCH !== 'undefined'")
    got = page.evaluate("ss => ss.map(s => JA_SEARCH.tokenize(s))", samples)
    diff = {
        s: (js, tokenize(s))
        for s, js in zip(samples, got, strict=True)
        if js != tokenize(s)
    }
    assert not diff, f"JavaScript と Python で分け方が違います: {diff}"
