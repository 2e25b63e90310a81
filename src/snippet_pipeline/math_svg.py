"""数式を、ビルド時に SVG にしてページに埋め込む。

読者のブラウザには MathJax(1.1 MB と、そのフォント)を読み込ませない。
同梱の MathJax 3(``vendor/mathjax/tex-svg.js``)を、mermaid の図と同じく
ビルドする機械の Chromium で動かし、数式ごとに SVG を作る。SVG の文字は
``currentColor`` で描くので、ライトでもダークでも本文の色になる。支援技術には
MathJax が添える MathML(``mjx-assistive-mml``)が読まれる。

数式の TeX と表示形式(行内か別行か)で決まる名前で ``$DOCS_BUILDDIR/math/``
に保存し、変わらない数式は描き直さない。
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util.math import get_node_equation_number

from .mermaid_local import launch
from .page_store import PageStore
from .records import build_dir

MATHJAX_JS = Path(__file__).parent / "vendor" / "mathjax" / "tex-svg.js"
CSS_NAME = "mathjax-svg.css"
# この形式を変えたら上げる(保存済みの SVG を作り直させる)
FORMAT = 1
CONFIG = {
    "svg": {"fontCache": "none"},
    "startup": {"typeset": False},
    "options": {"enableMenu": False},
}
RENDER = """([tex, display]) => {
  const node = MathJax.tex2svg(tex, { display });
  if (node.querySelector('[data-mml-node="merror"]')) {
    return { error: node.querySelector('[data-mml-node="merror"]')
      .textContent || 'TeX のエラー' };
  }
  return { html: node.outerHTML };
}"""


def cache_dir() -> Path:
    return build_dir() / "math"


@cache
def _engine_digest() -> str:
    return hashlib.sha256(MATHJAX_JS.read_bytes()).hexdigest()


def formula_key(tex: str, display: bool) -> str:
    payload = json.dumps([FORMAT, _engine_digest(), CONFIG, display, tex])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def svg_path(key: str) -> Path:
    return cache_dir() / f"{key}.html"


def display_tex(node) -> str:
    """別行の数式の TeX(sphinx.ext.mathjax と同じく、空行で分かれた式は
    揃えて並べ、``\\\\`` を含む式は split にする)。"""
    parts = [p for p in node.astext().split("\n\n") if p.strip()]
    parts = [
        rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts
    ]
    if len(parts) > 1:
        return r"\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}"
    return parts[0] if parts else ""


def formulas(doctree):
    for node in doctree.findall(nodes.math):
        yield node, node.astext(), False
    for node in doctree.findall(nodes.math_block):
        yield node, display_tex(node), True


def render(todo: dict[str, tuple[str, bool]]) -> None:
    """``{key: (tex, display)}`` のうち保存されていないものを SVG にする。"""
    todo = {k: v for k, v in todo.items() if not svg_path(k).is_file()}
    if not todo:
        return
    from playwright.sync_api import sync_playwright

    cache_dir().mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort())
            page.set_content(
                '<!doctype html><html lang="ja"><head><script>'
                f"window.MathJax = {json.dumps(CONFIG)};"
                "</script></head><body></body></html>"
            )
            page.add_script_tag(path=str(MATHJAX_JS))
            page.wait_for_function(
                "window.MathJax && MathJax.startup && MathJax.startup.promise"
            )
            page.evaluate("MathJax.startup.promise.then(() => true)")
            for key, (tex, display) in todo.items():
                out = page.evaluate(RENDER, [tex, display])
                if "error" in out:
                    raise RuntimeError(f"数式 {tex!r}: {out['error']}")
                svg_path(key).write_text(out["html"], encoding="utf-8")
        finally:
            browser.close()


# ---------------------------------------------------------------------------
# Sphinx
# ---------------------------------------------------------------------------
#: docname → {数式の鍵: (TeX, 別行か)}
FORMULAS = PageStore("math_formulas")


def collect(app, doctree) -> None:
    found = {formula_key(t, d): (t, d) for _, t, d in formulas(doctree)}
    FORMULAS.put(app.env, app.env.docname, found)


def render_all(app, env) -> None:
    render(FORMULAS.everything(env))


def _svg(tex: str, display: bool) -> str:
    key = formula_key(tex, display)
    if not svg_path(key).is_file():
        render({key: (tex, display)})
    return svg_path(key).read_text(encoding="utf-8")


def visit_math(self, node) -> None:
    self.body.append(
        self.starttag(node, "span", "", CLASS="math notranslate nohighlight")
    )
    self.body.append(_svg(node.astext(), False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node) -> None:
    self.body.append(
        self.starttag(node, "div", CLASS="math notranslate nohighlight")
    )
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(_svg(display_tex(node), True) + "</div>\n")
    raise nodes.SkipNode


def add_css(app, pagename, templatename, context, doctree) -> None:
    if context.get("has_maths_elements"):
        app.add_css_file(CSS_NAME)


def setup(app) -> None:
    app.add_html_math_renderer(
        "svg", (visit_math, None), (visit_displaymath, None)
    )
    app.connect("doctree-read", collect)
    FORMULAS.connect(app)
    app.connect("env-updated", render_all)
    app.connect("html-page-context", add_css)
