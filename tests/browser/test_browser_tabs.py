"""同期タブ: TensorFlow を選ぶとページのすべてのタブが切り替わり、
次のページにも引き継がれる。"""

import pytest
from browser.helpers import framework_tab_sets, site_pages

CHECKED = """() => [...document.querySelectorAll(
    'label.sd-tab-label[data-sync-group="framework"]')]
  .filter(l => document.getElementById(l.getAttribute('for')).checked)
  .map(l => l.dataset.syncId)"""
VISIBLE = """() => [...document.querySelectorAll('.sd-tab-set')]
  .filter(s => s.querySelector('label[data-sync-group="framework"]'))
  .map(s => [...s.querySelectorAll(':scope > .sd-tab-content')]
    .filter(c => c.offsetParent !== null).length)"""


def test_tensorflow_tab_switches_all_and_persists(visit, site):
    pages = [p for p in site_pages() if framework_tab_sets(p) >= 1]
    multi = [p for p in pages if framework_tab_sets(p) >= 2]
    if not multi:
        pytest.fail("フレームワークのタブセットが 2 つ以上のページがない")
    first = multi[0]
    others = [p for p in pages if p != first]
    v = visit()
    page = v.goto(first)
    n = framework_tab_sets(first)
    # 最初は PyTorch
    assert page.evaluate(CHECKED) == ["pytorch"] * n
    # 最初のタブセットで TensorFlow を選ぶ
    page.locator(
        'label.sd-tab-label[data-sync-group="framework"][data-sync-id="keras"]'
    ).first.click()
    assert page.evaluate(CHECKED) == ["keras"] * n, "切り替わらないタブがある"
    # 各タブセットで見えている中身は 1 つずつ、それが TensorFlow 側
    assert page.evaluate(VISIBLE) == [1] * n
    shown = page.locator(".sd-tab-set .sd-tab-content:visible")
    for i in range(n):
        assert "tensorflow" in shown.nth(i).inner_text().lower()

    # 次のページ(なければ同じページを開き直す)でも TensorFlow のまま
    nxt = others[0] if others else first
    page = v.goto(nxt)
    m = framework_tab_sets(nxt)
    assert page.evaluate(CHECKED) == ["keras"] * m, f"{nxt} に引き継がれない"

    # 新しいブラウザ(保存なし)では既定の PyTorch に戻る
    fresh = visit().goto(nxt)
    assert fresh.evaluate(CHECKED) == ["pytorch"] * m
