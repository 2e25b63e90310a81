"""日本語の文中の改行・空白を除く変換(snippet_pipeline.cjk_linebreaks)。"""

from docutils import nodes

from snippet_pipeline.cjk_linebreaks import join_cjk_lines


def _paragraph(*children) -> tuple[nodes.document, nodes.paragraph]:
    doc = nodes.document(None, None)
    para = nodes.paragraph("", "", *children)
    doc += para
    return doc, para


def test_second_softbreak_is_removed_not_the_first_equal_one():
    """2 つ目の改行ノードを消すとき、同じ文字列の 1 つ目を消さない。"""
    doc, para = _paragraph(
        nodes.Text("Keras 3 は"),
        nodes.Text("\n"),
        nodes.emphasis("", "PyTorch"),
        nodes.Text("\n"),
        nodes.Text("バックエンド"),
    )
    join_cjk_lines(None, doc)
    assert para.astext() == "Keras 3 は\nPyTorch\nバックエンド"
    doc, para = _paragraph(
        nodes.Text("English"),
        nodes.Text("\n"),
        nodes.Text("words。自動微分の"),
        nodes.Text("\n"),
        nodes.Text("対象"),
    )
    join_cjk_lines(None, doc)
    assert para.astext() == "English\nwords。自動微分の対象"


def test_space_across_inline_markup_and_kept_around_code():
    doc, para = _paragraph(
        nodes.Text("道筋は "),
        nodes.reference("", "学習ロードマップ", refuri="x.html"),
        nodes.Text(" にまとめ、"),
        nodes.literal("", "fit()"),
        nodes.Text(" を 使う"),
    )
    join_cjk_lines(None, doc)
    assert para.astext() == "道筋は学習ロードマップにまとめ、fit() を使う"
