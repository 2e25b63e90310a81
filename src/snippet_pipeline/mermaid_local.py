"""mermaid の図を、ビルド時に SVG にしてページに埋め込む。

読者のブラウザには mermaid(5.5 MB)を読み込ませない。同梱の mermaid
(``vendor/mermaid/mermaid.min.js``)を、ビルドする機械の Chromium で
Playwright から動かし、ライト用とダーク用の 2 枚の SVG を作る。ページには
両方を置き、テーマの ``only-light`` / ``only-dark`` で片方だけを見せる。

- 図のソース・テーマの設定・mermaid の内容から決まる名前で
  ``$DOCS_BUILDDIR/mermaid/`` に保存し、変わらない図は描き直さない。
- 描くのは、すべてのページを読んだあと(``env-updated``)に、まだない図だけを
  まとめて 1 回(Chromium の起動は 1 回)。
- 文字と地の色のコントラストが 4.5:1 に満たないラベルは、その地で読める黒か
  白の文字に直す(ダークテーマで明るい塗りを指定したノードなど)。
- 図には ``:alt:``(何を示す図か)と ``:caption:`` が必要。ないとビルドの警告
  (``-W`` なのでエラー)になる。
"""

import hashlib
import html
import json
import os
import re
import shutil
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinxcontrib.mermaid import mermaid

from .page_store import PageStore
from .records import build_dir

logger = logging.getLogger(__name__)

MERMAID_JS = Path(__file__).parent / "vendor" / "mermaid" / "mermaid.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# サイトの本文と同じ系統の字形で幅を測る(読者の画面でラベルがはみ出さない)
FONT = (
    '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", '
    "sans-serif"
)
# ラベルは文節の切れ目で折り返す(Chromium の auto-phrase。lang="ja" の中で効く)
THEME_CSS = (
    ".nodeLabel, .edgeLabel, .cluster-label, .label "
    "{ word-break: auto-phrase; }"
)
# テーマごとの mermaid の設定と、図を置くページの地の色
# (pydata-sphinx-theme の --pst-color-background)
THEMES = {
    "light": {"theme": "default", "background": "#ffffff"},
    "dark": {"theme": "dark", "background": "#14181e"},
}
# この形式を変えたら上げる(保存済みの SVG を作り直させる)
FORMAT = 1

# ラベルの文字色を、地の色に対して読めるものに直す(ビルド時に 1 図ずつ)
FIX_CONTRAST = """([svgId, pageBg]) => {
  const rgb = (s) => {
    s = s || '';
    const hex = s.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
    if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
    if (!s.startsWith('rgb')) return null;
    return s.match(/[\\d.]+/g).map(Number);
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const opaque = (c) => c && (c.length === 3 || c[3] > 0.5);
  const SHAPES = ['rect', 'polygon', 'circle', 'ellipse', 'path'];
  const background = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      if (e.namespaceURI === 'http://www.w3.org/1999/xhtml') {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (opaque(c)) return c;
      } else if (e.tagName === 'g' &&
                 /\\b(node|cluster)\\b/.test(e.getAttribute('class') || '')) {
        for (const s of e.children) {
          if (!SHAPES.includes(s.tagName)) continue;
          const c = rgb(getComputedStyle(s).fill);
          if (opaque(c)) return c;
        }
      } else if (e.tagName === 'svg') {
        break;
      }
    }
    return rgb(pageBg);
  };
  const svg = document.getElementById(svgId);
  const fixed = [];
  for (const el of svg.querySelectorAll('*')) {
    const own = [...el.childNodes].some(
      (n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const isSvgText = el.namespaceURI === 'http://www.w3.org/2000/svg';
    const style = getComputedStyle(el);
    const fg = rgb(isSvgText ? style.fill : style.color);
    const bg = background(el);
    if (!fg || ratio(fg, bg) >= 4.5) continue;
    const best = ratio([0, 0, 0], bg) >= ratio([255, 255, 255], bg)
      ? '#000000' : '#ffffff';
    el.style.setProperty(isSvgText ? 'fill' : 'color', best, 'important');
    fixed.push(el.textContent.trim());
  }
  return fixed;
}"""

RENDER = """async ([id, code, config]) => {
  mermaid.initialize(config);
  const { svg } = await mermaid.render(id, code);
  const host = document.getElementById('host');
  host.innerHTML = svg;
  return true;
}"""


def cache_dir() -> Path:
    return build_dir() / "mermaid"


@cache
def _engine_digest() -> str:
    return hashlib.sha256(MERMAID_JS.read_bytes()).hexdigest()


def config_for(theme: str) -> dict:
    return {
        "startOnLoad": False,
        "securityLevel": "strict",
        "theme": THEMES[theme]["theme"],
        "fontFamily": FONT,
        "themeCSS": THEME_CSS,
        "flowchart": {"useMaxWidth": True},
    }


def diagram_key(code: str) -> str:
    payload = json.dumps(
        [FORMAT, _engine_digest(), THEMES, FONT, THEME_CSS, code],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def svg_path(key: str, theme: str) -> Path:
    return cache_dir() / f"{key}-{theme}.svg"


def _is_snap_shim(path: str) -> bool:
    """Ubuntu の apt の chromium(chromium-browser)は snap を呼ぶだけの
    スクリプトで、snap のない所(Read the Docs など)では動かない。"""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return True
    return head.startswith(b"#!") and b"/snap/" in head


def find_chromium() -> str | None:
    for cand in (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if cand and Path(cand).is_file() and not _is_snap_shim(cand):
            return cand
    return None


class ChromiumMissing(SphinxError):
    category = "Chromium がありません"


def launch(pw):
    """ビルドに使う Chromium を起動する。システムの Chromium(環境変数
    ``CHROMIUM``、PATH の chromium、/usr/bin/chromium)がなければ、Playwright が
    入れた Chromium(``make chromium``)を使う。どちらもなければ、入れ方を
    示してビルドを止める(トレースバックではなく)。"""
    exe = find_chromium()
    try:
        return pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
    except Exception as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise ChromiumMissing(
            "図と数式を SVG にするのに Chromium が必要です。make chromium "
            "(システムの Chromium がなければ Playwright の Chromium を入れる)"
            "か apt-get install chromium で入れるか、別の場所にあるなら環境"
            f"変数 CHROMIUM にパスを与えてください。({first})"
        ) from e


def render(diagrams: dict[str, str]) -> None:
    """``{key: code}`` のうち保存されていない図を、ライトとダークの SVG に
    して保存する。Chromium の起動は 1 回。"""
    todo = {
        k: c
        for k, c in diagrams.items()
        if not all(svg_path(k, t).is_file() for t in THEMES)
    }
    if not todo:
        return
    from playwright.sync_api import sync_playwright

    cache_dir().mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page()
            # 外部への通信はしない(mermaid はファイルから読み込む)
            page.route("**/*", lambda route: route.abort())
            page.set_content(
                '<!doctype html><html lang="ja"><body style="margin:0">'
                '<div id="host" style="width:800px"></div></body></html>'
            )
            page.add_script_tag(path=str(MERMAID_JS))
            for key, code in todo.items():
                for theme, spec in THEMES.items():
                    render_id = f"mermaid-{key}-{theme}"
                    page.evaluate(
                        "(bg) => { document.body.style.background = bg; }",
                        spec["background"],
                    )
                    page.evaluate(RENDER, [render_id, code, config_for(theme)])
                    page.evaluate(
                        FIX_CONTRAST, [render_id, spec["background"]]
                    )
                    svg = page.evaluate(
                        "(id) => document.getElementById(id).outerHTML",
                        render_id,
                    )
                    svg_path(key, theme).write_text(
                        _unique_ids(svg, render_id), encoding="utf-8"
                    )
        finally:
            browser.close()


def _unique_ids(svg: str, render_id: str) -> str:
    """mermaid が図の id を前に付けない id(辺の ``L_A_B_0`` など)にも付ける。
    ライトとダークの 2 枚を同じページに置いても id が重ならない。"""
    return re.sub(
        r'\bid="(?!' + re.escape(render_id) + r')([^"]+)"',
        lambda m: f'id="{render_id}-{m.group(1)}"',
        svg,
    )


# ---------------------------------------------------------------------------
# Sphinx
# ---------------------------------------------------------------------------
#: docname → {図の鍵: mermaid のコード}
DIAGRAMS = PageStore("mermaid_diagrams")


def collect(app, doctree) -> None:
    """読み込んだページの図を覚える(描くのは env-updated でまとめて)。"""
    env = app.env
    docname = env.docname
    found = {}
    for node in doctree.findall(mermaid):
        key = diagram_key(node["code"])
        node["prerender_key"] = key
        found[key] = node["code"]
        if not node.get("alt", "").strip():
            logger.warning(
                "mermaid の図に :alt:(何を示す図かの説明)がありません",
                location=node,
            )
        if not isinstance(node.parent, nodes.figure):
            logger.warning(
                "mermaid の図に :caption:(図の見出し)がありません",
                location=node,
            )
    DIAGRAMS.put(env, docname, found)


def render_all(app, env) -> None:
    render(DIAGRAMS.everything(env))


def visit_mermaid(self, node) -> None:
    key = node.get("prerender_key") or diagram_key(node["code"])
    if not all(svg_path(key, t).is_file() for t in THEMES):
        render({key: node["code"]})
    # 同じ図が 1 ページに 2 回あっても id が重ならないようにする
    count = getattr(self, "_mermaid_count", 0) + 1
    self._mermaid_count = count
    alt = html.escape(node.get("alt", ""), quote=True)
    parts = ['<div class="mermaid-diagram">']
    for theme in THEMES:
        svg = svg_path(key, theme).read_text(encoding="utf-8")
        render_id = f"mermaid-{key}-{theme}"
        if count > 1:
            svg = svg.replace(render_id, f"{render_id}-{count}")
        # 支援技術には、図全体を 1 枚の画像として :alt: の説明で伝える
        # (mermaid の英語の役割の説明 aria-roledescription は外す)
        svg = re.sub(r' aria-roledescription="[^"]*"', "", svg)
        svg = re.sub(
            r'^<svg([^>]*?) role="[^"]*"',
            rf'<svg\1 role="img" aria-label="{alt}"',
            svg,
            count=1,
        )
        parts.append(f'<div class="only-{theme}">{svg}</div>')
    parts.append("</div>\n")
    self.body.append("".join(parts))
    raise nodes.SkipNode


def setup(app) -> None:
    app.add_node(mermaid, override=True, html=(visit_mermaid, None))
    app.connect("doctree-read", collect)
    DIAGRAMS.connect(app)
    app.connect("env-updated", render_all)
    app.connect("builder-inited", drop_cdn_loader)


def drop_cdn_loader(app) -> None:
    """sphinxcontrib-mermaid がページに足す mermaid の読み込み(CDN)を外す。"""
    for listener in list(app.events.listeners["html-page-context"]):
        if listener.handler.__module__ == "sphinxcontrib.mermaid":
            app.disconnect(listener.id)
