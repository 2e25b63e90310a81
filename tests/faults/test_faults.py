"""故障注入: 壊れたページとスニペットが、直すべきファイルと行の名前つきで
``make docs`` / ``make test`` を失敗させること(GPU のセルはスキップ)。

一時サイトの中身は site_builder.py、ビルドと pytest の実行は conftest.py。
"""

import re

from site_builder import FAULT_LINES, git_status, page_line

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _lines(text: str, pattern: str) -> list[str]:
    text = _ANSI.sub("", text)
    return [line for line in text.splitlines() if re.search(pattern, line)]


def _build_warning(site, where: str, text: str) -> str:
    """``<where>: WARNING: …<text>…`` の行(ちょうど 1 つ)を返す。"""
    pattern = rf"(^|/){re.escape(where)}: WARNING: .*{re.escape(text)}"
    found = _lines(site.build.stderr, pattern)
    assert len(found) == 1, (
        f"{where} を指す「{text}」の警告がありません:\n{site.build.stderr}"
    )
    return found[0]


def _fault(name: str) -> str:
    path, line = FAULT_LINES[name]
    return f"{path}:{line}"


def test_build_and_tests_fail(fault_site):
    assert fault_site.build.returncode != 0, fault_site.build.output
    assert fault_site.pytest.returncode != 0, fault_site.pytest.output
    # どの故障でもビルドは例外で止まらず、すべての警告を出し切る
    assert "Sphinx parallel build error" not in fault_site.build.output
    assert "Traceback\n=========" not in fault_site.build.output
    assert "build finished with problems" in fault_site.build.output


def test_syntax_error(fault_site):
    _build_warning(fault_site, _fault("syntax"), "SyntaxError")
    # Sybil の収集が止まらず、ファイル:行の失敗として報告される
    out = fault_site.pytest.output
    assert f"{_fault('syntax')}: SyntaxError: '(' was never closed" in out
    assert f"直す場所: {_fault('syntax')}: SyntaxError" in out
    assert "Interrupted" not in out


def test_raising_snippet(fault_site):
    _build_warning(fault_site, _fault("raises"), "KeyError: 'b'")
    out = fault_site.pytest.output
    assert f"直す場所: {_fault('raises')}: KeyError: 'b'" in out
    assert "FAILED tests/test_snippets_run.py::test_snippet_runs" in out


def test_wrong_doctest_output(fault_site):
    path, line = FAULT_LINES["doctest"]
    out = fault_site.pytest.output
    assert re.search(
        rf"Example at \S*{re.escape(path)}, line {line}, column 1 "
        "did not evaluate as expected:\nExpected:\n    3\nGot:\n    2",
        out,
    ), out
    assert f"FAILED {path}::sybil:snippet-docstrings,line:{line}" in out


def test_hanging_snippet_times_out(fault_site):
    # ビルドもテストも同じ実行器が時間切れで止め、止めたときに実行していた
    # スニペットの行を示す
    message = "SnippetTimeout: 5 秒で終わりませんでした"
    warning = _build_warning(fault_site, _fault("hang"), message)
    assert "faults/hang.md" in warning
    out = fault_site.pytest.output
    assert f"直す場所: {_fault('hang')}: {message}" in out


def test_missing_snippet(fault_site):
    line = page_line("missing_snippet", "{snippet}")
    _build_warning(
        fault_site,
        f"docs/faults/missing_snippet.md:{line}",
        "スニペットが見つかりません: src/snippets/faults/nowhere/missing.py",
    )


def test_deprecated_api(fault_site):
    # 非推奨の警告は、ビルドでもテストでも、その行で止まるエラー
    message = "DeprecationWarning: 'locale.getdefaultlocale' is deprecated"
    _build_warning(fault_site, _fault("deprecated"), message)
    out = fault_site.pytest.output
    assert f"直す場所: {_fault('deprecated')}: {message}" in out


def test_broken_cross_reference(fault_site):
    line = page_line("xref", "no_such_page.md")
    _build_warning(
        fault_site,
        f"docs/faults/xref.md:{line}",
        "cross-reference target not found: 'no_such_page.md'",
    )


def test_equivalence_row_that_does_not_hold(fault_site):
    # 対応表の行の [同等] が許容を超えれば、表の行を指して警告する
    line = page_line("equivalence", "broken_row")
    _build_warning(
        fault_site,
        f"docs/faults/equivalence.md:{line}",
        "対応表の行 broken_row: 一致しません(最大差 0.5、許容 1e-06",
    )


def test_unproved_pair_says_so(fault_site):
    # PAIRS にない対のタブの下には「同等性は未検証」と書く(警告はしない)
    html = (fault_site.root / "_build/html/faults/pair.html").read_text(
        encoding="utf-8"
    )
    assert "同等性は未検証" in html
    assert "同等性を検証済み" not in html
    assert "faults/pair" not in fault_site.build.stderr


def test_gpu_cell_skips_on_cpu(fault_site):
    # ビルド: 警告なし。セルは実行されず、バッジと説明が付く
    assert "faults/gpu.md" not in fault_site.build.stderr
    assert "needs_cuda" not in fault_site.build.stderr
    html = (fault_site.root / "_build/html/faults/gpu.html").read_text(
        encoding="utf-8"
    )
    assert "GPU が必要" in html
    assert "このコードは実行して" in html
    # テスト: 失敗ではなく、理由つきのスキップ
    out = fault_site.pytest.output
    assert re.search(
        r"SKIPPED \[1\] .*faults/gpu/needs_cuda: CUDA GPU が必要なスニペット",
        out,
    ), out
    assert "needs_cuda] FAILED" not in out
    assert "FAILED tests/test_snippets_run.py::test_snippet_runs" in out
    assert "test_snippet_runs[faults/gpu/needs_cuda]" not in out


def test_healthy_snippet_still_passes(fault_site):
    # 壊れたものが他を巻き込まない: 正常なページはビルドされ、テストも通る
    assert "faults/ok" not in fault_site.pytest.output.split("FAILED")[-1]
    html = (fault_site.root / "_build/html/faults/hang.html").read_text(
        encoding="utf-8"
    )
    assert "正常" in html
    assert "書きました" in html
    assert re.search(
        r"\b6 failed, 8 passed, 1 skipped\b", fault_site.pytest.output
    )


def test_build_and_tests_leave_tree_clean(fault_site):
    # ビルド(実行は一時ディレクトリ)もテストも、作業ツリーにファイルを
    # 残さない。わざと残すテスト(test_litter.py)のファイルだけが残り、
    # それは pytest が「作業ツリーが汚れました」として失敗にする。
    status = [line for line in git_status(fault_site.root) if line]
    assert status == ["?? litter.txt"], status
    out = fault_site.pytest.output
    assert "作業ツリーが汚れました" in out
    assert "  ?? litter.txt" in out


def test_rebuild_without_fixing_still_fails(fault_site):
    # Sphinx は変更のないページを読み直さず、警告も出し直さない。それでも
    # 何も直さずに再ビルドすれば、同じ場所を指して同じように失敗する。
    rebuild = fault_site.rebuild
    assert rebuild.returncode != 0, rebuild.output
    for name in ("syntax", "raises", "hang", "deprecated"):
        assert _lines(rebuild.stderr, rf"^{re.escape(_fault(name))}: WARNING")
    for page in ("missing_snippet", "xref", "equivalence"):
        assert _lines(rebuild.stderr, rf"docs/faults/{page}\.md:\d+: WARNING")
