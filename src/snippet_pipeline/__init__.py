"""スニペットを実行し、その記録をページに表示する仕組み(Sphinx 拡張)。

中心は Sphinx に依存しない 3 つのモジュール:

- ``markers``: スニペットの事実(GPU・想定どおりの例外・非決定的・部品)
- ``records``: 実行記録の形式と置き場所(内容と環境で決まる名前)
- ``executor``: スニペットを実行して記録を書く、唯一の実行器

テストは ``pytest_plugin``(``snippet`` フィクスチャ)から executor を使い、
ビルドは下の ``setup`` がつなぐ Sphinx 側のモジュールから使う。
"""


def setup(app):
    """Sphinx 拡張の入り口。フックは次の順に登録する(同じイベントでは
    登録順に動く)。
    """
    from . import (
        build,
        cells,
        cjk_linebreaks,
        icons,
        math_svg,
        mermaid_local,
        notebook,
        reader_env,
        report,
        search_ja,
        stamp,
    )

    build.setup(app)  # 1. 読み込みの前に、記録のないスニペットを実行する
    cells.setup(app)  # 2. {snippet} / {snippet-pair}: コードと記録の出力
    cjk_linebreaks.setup(app)  # 3. 日本語の文中の改行を空白にしない
    stamp.setup(app)  # 4. 「… で実行・検証済み」のスタンプ
    mermaid_local.setup(app)  # 5. mermaid の図をビルド時に SVG にする
    search_ja.setup(app)  # 6. 日本語の検索語の分かち書き
    notebook.setup(app)  # 7. 出力つきの .ipynb をダウンロードに加える
    report.setup(app)  # 8. ビルドレポート(ページごとの実行結果の表)
    reader_env.setup(app)  # 9. 読者の環境を入れるコマンド(pyproject から)
    icons.setup(app)  # 10. テーマのアイコンを、使うものだけの小さな CSS で
    math_svg.setup(app)  # 11. 数式をビルド時に SVG にする
    return {"parallel_read_safe": True, "parallel_write_safe": True}
