"""テーマの CSS から、サイトが使わない Bootstrap の規則を除く。

pydata-sphinx-theme.css(約 300 KB)の 3 分の 2 は Bootstrap 5 の CSS で、
どのページも最初に読み込む。このサイトが使うのは、ナビゲーション・
ドロップダウン・オフキャンバスなどの一部だけなので、書き出した CSS の
Bootstrap の部分(先頭の ``Bootstrap v5`` の注記から、次の ``/*!`` の注記
まで)から、どこでも使われないクラスを含む規則を除く。テーマ自身の規則は
変えない。

「使われる」クラスは、書き出したすべての HTML の ``class`` と、ページが
読み込む JS(テーマ、Bootstrap、sphinx-design などが実行時に付けるクラス。
``show``・``collapsing`` など)に語として現れるもの。セレクタ(カンマで
区切った 1 つ)に現れるクラスがすべて使われていれば、その規則は残す。
クラスのないセレクタ(要素や属性だけ)は残す。
"""

import re
from pathlib import Path

THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"
_BANNER = "/*!"
_CLASS = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
_WORD = re.compile(r"[-_a-zA-Z0-9]+")
_CLASS_ATTR = re.compile(r'class="([^"]*)"')


def used_words(outdir: Path) -> set[str]:
    """HTML のクラスと、JS に現れる語。"""
    words: set[str] = set()
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="ignore")
        for attr in _CLASS_ATTR.findall(text):
            words.update(attr.split())
    for script in (outdir / "_static").rglob("*.js"):
        if script.name == "fontawesome.js":  # ページから外してある
            continue
        text = script.read_text(encoding="utf-8", errors="ignore")
        words.update(_WORD.findall(text))
    return words


def _keep(selector: str, words: set[str]) -> bool:
    return any(
        all(c in words for c in _CLASS.findall(one))
        for one in selector.split(",")
    )


def purge(css: str, words: set[str]) -> str:
    """規則の並び(@media などの入れ子も)から、使われない規則を除く。"""
    out, i, n = [], 0, len(css)
    while i < n:
        start = css.find("{", i)
        if start < 0:
            out.append(css[i:])
            break
        head = css[i:start]
        # 対応する } を探す(入れ子を数える)
        depth, j = 1, start + 1
        while depth and j < n:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        body = css[start + 1 : j - 1]
        selector = head.strip()
        if selector.startswith("@media") or selector.startswith("@supports"):
            inner = purge(body, words)
            if inner.strip():
                out.append(f"{head}{{{inner}}}")
        elif selector.startswith("@") or _keep(selector, words):
            out.append(css[i:j])
        i = j
    return "".join(out)


def slim(path: Path, words: set[str]) -> tuple[int, int]:
    """Bootstrap の部分だけを削る。(前の大きさ, 後の大きさ)。"""
    text = path.read_text(encoding="utf-8")
    start = text.find("Bootstrap")
    head_end = text.find("*/", start) + 2 if start >= 0 else -1
    end = text.find(_BANNER, head_end)
    if start < 0 or head_end < 2 or end < 0:
        return len(text), len(text)  # 形が違う(テーマの版が変わった)
    slimmed = text[:head_end] + purge(text[head_end:end], words) + text[end:]
    if slimmed != text:
        path.write_text(slimmed, encoding="utf-8")
    return len(text), len(slimmed)


def write(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    path = outdir / THEME_CSS
    if path.is_file():
        slim(path, used_words(outdir))


def setup(app) -> None:
    app.connect("build-finished", write)
