"""図の日本語が豆腐(□)になっていないことを、画素で確かめる。

豆腐はどの文字も同じ四角になる。図の題名を文字ごとに切り出し、
形がほとんど同じなら豆腐とみなす。
"""

import io

import numpy as np
from browser.checks import path_of
from PIL import Image

MODES = {"desktop-light"}
_checked: list[str] = []


def _glyph_shapes(png: bytes) -> list[bytes]:
    """図の最上部の文字列(題名)を、文字ごとの白黒の形に切り分ける。"""
    gray = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    dark = gray < 128
    rows = np.flatnonzero(dark.any(axis=1))
    if rows.size == 0:
        return []
    top = rows[0]
    end = top
    while end + 1 < dark.shape[0] and dark[end + 1].any():
        end += 1
    band = dark[top : end + 1]
    cols = band.any(axis=0)
    shapes, start = [], None
    for x, on in enumerate([*cols, False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            shapes.append(np.packbits(band[:, start:x]).tobytes())
            start = None
    return shapes


def check(page, url, mode):
    problems = []
    for src in page.eval_on_selector_all(
        "div.cell_output img", "els => els.map(e => e.src)"
    ):
        if not src.endswith(".png"):
            continue
        shapes = _glyph_shapes(page.request.get(src).body())
        if len(shapes) < 4:
            continue  # 題名のない図
        distinct = len(set(shapes))
        if distinct <= len(shapes) / 2:
            problems.append(
                f"{path_of(url)} の図 {src} の文字が同じ形ばかり(豆腐?): "
                f"{distinct}/{len(shapes)}"
            )
        _checked.append(src)
    return problems


def finish():
    return [] if _checked else ["題名のある図がサイトにありません"]
