"""docs/roadmap/faq.md のテスト。

FAQ: ライセンスの確認。
"""


def test_torch_license_includes_bsd3(snippet):
    ns = snippet("roadmap/faq/license_check")
    assert "BSD-3-Clause" in ns["licenses"]["torch"]
