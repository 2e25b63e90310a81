"""テーマのアイコン(Font Awesome の solid)を、使うものだけの小さな CSS で描く。

pydata-sphinx-theme はアイコンを fontawesome.js(1.5 MB)か Web フォント
(fa-solid-900.woff2、112 KB)で描く。サイトが使うアイコンは十数個なので、
テーマの fontawesome.js にある図形(SVG のパス)から、使うものだけを CSS の
マスク画像にした ``_static/fa-icons.css``(数 KB)を書く。アイコンの要素には
文字がなくなるので、Web フォントは読み込まれない(fontawesome.js は
docs/_templates/layout.html でページから外してある)。

使うアイコンは、書き出したすべてのページとテーマの JS に現れる
``fa-<名前>`` から決める(ビルドの最後、build-finished で)。

あわせて、書き出したテーマの CSS(pydata-sphinx-theme.css)から、アイコンの
フォントの字を指す ``.fa-<名前>{--fa:"…"}`` の規則(約 2000 個、66 KB)を
除く。アイコンはこの CSS のマスク画像で描くので、どれも使われない。
"""

import re
from pathlib import Path
from urllib.parse import quote

import pydata_sphinx_theme

STATIC = (
    Path(pydata_sphinx_theme.__file__).parent
    / "theme"
    / "pydata_sphinx_theme"
    / "static"
)
FONTAWESOME_JS = STATIC / "scripts" / "fontawesome.js"
CSS_NAME = "fa-icons.css"
# 名前: [幅, 高さ, [別名…], "コードポイント", "パス"](名前は引用符なしのことも)
_ENTRY = re.compile(
    r'(?:"([a-z0-9-]+)"|\b([a-z0-9]+)):\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]+","([^"]+)"\]'
)
_USED = re.compile(r"\bfa-([a-z0-9-]+)")

HEAD = """/* このファイルはビルドが書く(snippet_pipeline.icons)。
   手で編集しない。
   Font Awesome Free(CC BY 4.0、https://fontawesome.com/license/free)の
   solid アイコンのうち、サイトが使うものだけ。
   アイコンの要素はアイコンのフォントを使わない(文字がなくても、行の高さを
   決めるのにフォントが読み込まれてしまう)。 */
:is(.fa-solid, .fas)[class] {
  font-family: inherit;
}
:is(.fa-solid, .fas)[class]::before {
  content: "";
  display: inline-block;
  width: 1em;
  height: 1em;
  vertical-align: -0.125em;
  background-color: currentColor;
  -webkit-mask: var(--fa-icon) no-repeat center / contain;
  mask: var(--fa-icon) no-repeat center / contain;
}
"""


# テーマの CSS が疑似要素で描くアイコン(注記の見出しの印、外部リンクの印、
# ダウンロードのリンクの印)。
# 種類 → アイコン名(pydata-sphinx-theme の --pst-icon-admonition-* と同じ)
ADMONITIONS = {
    "": "bell",
    "attention": "circle-exclamation",
    "important": "circle-exclamation",
    "caution": "triangle-exclamation",
    "warning": "triangle-exclamation",
    "danger": "triangle-exclamation",
    "error": "circle-xmark",
    "hint": "lightbulb",
    "tip": "lightbulb",
    "note": "circle-info",
    "seealso": "share",
    "todo": "pencil",
}
EXTERNAL = "arrow-up-right-from-square"
DOWNLOAD = "download"
PSEUDO = """body div.admonition > .admonition-title::after,
body a.reference.download::before,
body nav.bd-links li > a.reference.external::after,
body .nav-link.nav-external::after {
  content: "";
  font: inherit;
  display: inline-block;
  width: 1em;
  height: 1em;
  background-color: currentColor;
  -webkit-mask: var(--fa-pseudo-icon) no-repeat center / contain;
  mask: var(--fa-pseudo-icon) no-repeat center / contain;
}
"""


def solid_icons() -> dict[str, tuple[int, int, str]]:
    """solid のアイコン: 名前(別名も)→(幅, 高さ, SVG のパス)。"""
    text = FONTAWESOME_JS.read_text(encoding="utf-8")
    end = text.index('p("fas",b),p("fa-solid",b)')
    start = text.rindex("var b={", 0, end)
    icons = {}
    for m in _ENTRY.finditer(text, start, end):
        quoted, bare, w, h, aliases, path = m.groups()
        name = quoted or bare
        icons[name] = (int(w), int(h), path)
        for alias in re.findall(r'"([a-z0-9-]+)"', aliases):
            icons.setdefault(alias, icons[name])
    return icons


def used_names(outdir: Path) -> set[str]:
    names = set()
    files = [*outdir.rglob("*.html"), *(STATIC / "scripts").glob("*.js")]
    for f in files:
        if f.name == "fontawesome.js":
            continue
        names.update(
            _USED.findall(f.read_text(encoding="utf-8", errors="ignore"))
        )
    return names


def _uri(icon: tuple[int, int, str]) -> str:
    w, h, path = icon
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {w} {h}'>"
        f"<path d='{path}'/></svg>"
    )
    return 'url("data:image/svg+xml,' + quote(svg, safe=" /:=',") + '")'


def icons_css(outdir: Path) -> str:
    icons = solid_icons()
    rules = [HEAD]
    for name in sorted(used_names(outdir) & icons.keys()):
        rules.append(f".fa-{name} {{ --fa-icon: {_uri(icons[name])}; }}\n")
    rules.append(PSEUDO)
    for kind, name in ADMONITIONS.items():
        sel = f"div.admonition.{kind}" if kind else "div.admonition"
        rules.append(f"{sel} {{ --fa-pseudo-icon: {_uri(icons[name])}; }}\n")
    rules.append(
        "nav.bd-links li > a.reference.external, .nav-link.nav-external "
        f"{{ --fa-pseudo-icon: {_uri(icons[EXTERNAL])}; }}\n"
    )
    rules.append(
        "a.reference.download "
        f"{{ --fa-pseudo-icon: {_uri(icons[DOWNLOAD])}; }}\n"
    )
    return "".join(rules)


# .fa-bars,.fa-navicon{--fa:"\f0c9"} のような、フォントの字を指す規則
_GLYPH_RULE = re.compile(r'(?<=[}\n])(?:\.fa-[a-z0-9-]+,?)+\{--fa:"[^"]*"\}')


def strip_glyph_rules(css: Path) -> None:
    text = css.read_text(encoding="utf-8")
    stripped = _GLYPH_RULE.sub("", text)
    if stripped != text:
        css.write_text(stripped, encoding="utf-8")


def write_css(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    target = outdir / "_static" / CSS_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(icons_css(outdir), encoding="utf-8")
    theme_css = outdir / "_static" / "styles" / "pydata-sphinx-theme.css"
    if theme_css.is_file():
        strip_glyph_rules(theme_css)


def setup(app) -> None:
    app.add_css_file(CSS_NAME)
    app.connect("build-finished", write_css)
