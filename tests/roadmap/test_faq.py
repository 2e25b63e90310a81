"""docs/roadmap/faq.md のテスト。

FAQ: ライセンスの確認。
"""


def test_torch_license_includes_bsd3(snippet):
    ns = snippet("roadmap/faq/license_check")
    assert "BSD-3-Clause" in ns["licenses"]["torch"]


def test_study_answer_gives_stages_not_invented_durations():
    """学び方の答えは、段階ごとの目安を示し、根拠のない期間を書かない。"""
    import re

    from snippet_pipeline.markers import ROOT

    page = ROOT / "docs" / "roadmap" / "faq.md"
    text = page.read_text(encoding="utf-8")
    answer = text.split("## PyTorch の習得", 1)[1].split("\n## ", 1)[0]
    durations = re.findall(
        r"\d+\s*[-〜~]?\s*\d*\s*(?:週間|か月|ヶ月|カ月|日|時間)", answer
    )
    assert not durations, f"根拠のない期間: {durations}"
    stages = re.findall(r"^\| \d\. ", answer, re.M)
    assert len(stages) >= 4  # 段階ごとの「次へ進む目安」の表
    # 表から各段階のページへリンクしている
    for target in re.findall(r"\]\(([^)#]+\.md)\)", answer):
        assert (page.parent / target).resolve().is_file(), target
