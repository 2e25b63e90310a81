"""コピーボタン: プロンプト(>>>、...)と出力を除いたコードだけを写す。"""

import pytest
from browser.helpers import pages_with_class


def copy_text(page, block) -> str:
    block.hover()
    block.locator("button.copybtn").click()
    return page.evaluate("() => navigator.clipboard.readText()")


@pytest.fixture
def clip_visit(visit):
    return lambda: visit(permissions=["clipboard-read", "clipboard-write"])


def test_copy_strips_prompts_and_outputs(clip_visit, site):
    pages = pages_with_class("gp")  # pygments の「プロンプト」
    assert pages, "プロンプト(>>>)つきのコード例がサイトにありません"
    v = clip_visit()
    page = v.goto(pages[0])
    block = page.locator("div.highlight:has(span.gp)").first
    shown = block.inner_text()
    outputs = block.locator("span.go").all_inner_texts()
    copied = copy_text(page, block)
    assert ">>>" in shown
    assert copied.strip(), "何もコピーされない"
    for line in copied.splitlines():
        assert not line.startswith((">>>", "...")), copied
    for out in outputs:
        assert out.strip() not in copied.splitlines(), (out, copied)
    # プロンプトを除いた各行は、表示と同じ順で残っている
    # (中身のない継続行「...」は、空行としてコピーされる)
    code = [
        ln[4:]
        for ln in shown.splitlines()
        if ln.startswith((">>> ", "... ")) or ln == "..."
    ]
    assert copied.rstrip("\n").splitlines() == code


def test_copy_of_executed_cell_has_no_output(clip_visit, site):
    pages = sorted(
        set(pages_with_class("cell_output"))
        & set(pages_with_class("cell_input"))
    )
    assert pages, "実行結果のあるセルがサイトにありません"
    v = clip_visit()
    selector = "div.cell:has(div.cell_input):has(div.cell_output pre)"
    # 折りたたんだコードやタブの裏のセルは、マウスを載せられないので除く
    shown = f"{selector}:has(div.cell_input div.highlight:visible)"
    for rel in pages:
        page = v.goto(rel)
        if page.locator(shown).count():
            break
    else:
        pytest.fail("テキストを出力するセルがサイトにありません")
    cell = page.locator(shown).first
    block = cell.locator("div.cell_input div.highlight").first
    copied = copy_text(page, block)
    source = block.locator("pre").inner_text()
    assert copied.strip() == source.strip()
    output = cell.locator("div.cell_output").inner_text().strip()
    assert output and output.splitlines()[0] not in copied
