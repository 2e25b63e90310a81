"""数式: 同梱の MathJax で描かれ、エラーがない(CDN は使わない)。"""

import pytest
from browser.helpers import pages_with_class


def test_every_formula_renders(visit, site):
    pages = pages_with_class("math")
    if not pages:
        pytest.skip("数式のあるページがまだありません")
    v = visit()
    for rel in pages:
        page = v.goto(rel, wait="networkidle")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.math')]"
            ".every(el => el.querySelector('mjx-container'))",
            timeout=20000,
        )
        assert page.locator("mjx-merror, merror").count() == 0, rel
        assert page.evaluate(
            "() => [...document.querySelectorAll('mjx-container')]"
            ".every(el => el.getBoundingClientRect().width > 0)"
        ), rel
    assert not v.external, sorted(set(v.external))
    assert not v.errors, v.errors
