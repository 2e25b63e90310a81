"""サイト全体: 画像、オフライン、モバイル表示、検証スタンプと GPU バッジ。"""

import io
from importlib import metadata

import numpy as np
import pytest
from browser.helpers import pages_with_class, site_pages
from PIL import Image

BROKEN_IMAGES = """async () => {
  const imgs = [...document.images];
  imgs.forEach(i => { i.loading = 'eager'; });
  await Promise.all(imgs.map(i => i.complete ? null : new Promise(
    r => { i.onload = i.onerror = r; })));
  return imgs.filter(i => !i.complete || i.naturalWidth === 0)
    .map(i => i.getAttribute('src'));
}"""


@pytest.mark.timeout(900)  # 全ページを回る
def test_every_image_loads_and_no_external_request(visit, site):
    """すべてのページで、画像が読み込まれ、localhost 以外へ要求しない。"""
    v = visit()
    broken = {}
    for rel in site_pages():
        page = v.goto(rel, wait="networkidle")
        if bad := page.evaluate(BROKEN_IMAGES):
            broken[rel] = bad
    assert not broken, f"読み込めない画像: {broken}"
    assert not v.external, f"外部への要求: {sorted(set(v.external))}"
    assert not v.errors, f"JavaScript のエラー: {v.errors}"


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


def test_figure_text_is_real_glyphs(visit, site):
    """図の日本語が豆腐(□)になっていないことを、画素で確かめる。

    豆腐はどの文字も同じ四角になる。図の題名を文字ごとに切り出し、
    形がほとんど同じなら豆腐とみなす。
    """
    pages = pages_with_class("cell_output")
    v = visit()
    checked = []
    for rel in pages:
        page = v.goto(rel)
        for src in page.eval_on_selector_all(
            "div.cell_output img", "els => els.map(e => e.src)"
        ):
            if not src.endswith(".png"):
                continue
            shapes = _glyph_shapes(v.context.request.get(src).body())
            if len(shapes) < 4:
                continue  # 題名のない図
            distinct = len(set(shapes))
            assert distinct > len(shapes) / 2, (
                f"{rel} の図 {src} の文字が同じ形ばかり(豆腐?): "
                f"{distinct}/{len(shapes)}"
            )
            checked.append(src)
    assert checked, "題名のある図がサイトにありません"


@pytest.mark.timeout(900)  # 全ページを回る
def test_mobile_body_does_not_scroll_sideways(visit, site):
    """幅 375px で本文がはみ出さず、広い表とコードは枠の中でスクロールする。"""
    v = visit(viewport={"width": 375, "height": 800}, is_mobile=True)
    wide_boxes = 0
    problems = {}
    for rel in site_pages():
        page = v.goto(rel, wait="networkidle")
        result = page.evaluate(
            """() => {
  const vw = window.innerWidth;
  const doc = document.scrollingElement;
  const bad = [];
  if (doc.scrollWidth > vw + 1) bad.push('body ' + doc.scrollWidth);
  // 見出しや段落の文字が枠からはみ出していない(はみ出しは切られて読めない)
  for (const el of document.querySelectorAll(
      'article h1, article h2, article h3, article p, article li')) {
    if (el.closest('pre, table, .highlight, .sd-tab-set, .cell_output'))
      continue;
    if (el.scrollWidth > el.clientWidth + 1
        || el.getBoundingClientRect().right > vw + 1)
      bad.push(el.tagName + ' ' + el.textContent.trim().slice(0, 30));
  }
  let wide = 0;
  for (const el of document.querySelectorAll(
      'article pre, article table, article svg')) {
    if (el.scrollWidth <= vw) continue;
    wide++;
    let box = el, ok = false;
    while (box && box !== document.body) {
      const ov = getComputedStyle(box).overflowX;
      if ((ov === 'auto' || ov === 'scroll')
          && box.getBoundingClientRect().right <= vw + 1) { ok = true; break; }
      box = box.parentElement;
    }
    if (!ok) bad.push(el.tagName + ' ' + el.className);
  }
  return [bad, wide];
}"""
        )
        if result[0]:
            problems[rel] = result[0]
        wide_boxes += result[1]
    assert not problems, problems
    assert wide_boxes, "幅の広いコードや表が 1 つもない(確認になっていない)"


def _expected_versions() -> list[str]:
    return [
        f"torch {metadata.version('torch')}",
        f"TensorFlow {metadata.version('tensorflow-cpu')}",
    ]


def test_verified_stamp_on_every_executed_page(visit, site):
    executed = pages_with_class("cell")
    assert executed, "コードを実行したページがありません"
    v = visit()
    for rel in executed:
        page = v.goto(rel)
        stamp = page.locator("div.verified-stamp")
        assert stamp.count() == 1, rel
        assert stamp.is_visible(), rel
        text = stamp.inner_text()
        for version in _expected_versions():
            assert version in text, (rel, text)


def test_gpu_badge_on_gpu_cells(visit, site):
    pages = pages_with_class("tag_gpu")
    if not pages:
        pytest.fail("gpu タグのセルがサイトにありません")
    v = visit()
    for rel in pages:
        page = v.goto(rel)
        cells = page.locator("div.cell.tag_gpu")
        assert cells.count() >= 1
        for i in range(cells.count()):
            badge = cells.nth(i).locator(".gpu-badge")
            assert badge.is_visible(), rel
            assert "GPU" in badge.inner_text()
        # gpu タグのないセルにはバッジがない
        assert page.locator("div.cell:not(.tag_gpu) .gpu-badge").count() == 0
