"""スニペットを実行し、その記録をページに表示する仕組み(Sphinx 拡張)。

中心は Sphinx に依存しない 3 つのモジュール:

- ``markers``: スニペットの事実(GPU・想定どおりの例外・非決定的・部品)
- ``records``: 実行記録の形式と置き場所(内容と環境で決まる名前)
- ``executor``: スニペットを実行して記録を書く、唯一の実行器
- ``gpu_records``: CUDA のスニペットを GPU で実行した、リポジトリに入れる
  記録(``make gpu-record``)。GPU のないビルドは ``cells`` がこれを表示する

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
        console_lexer,
        equivalence,
        icons,
        math_svg,
        mermaid_local,
        notebook,
        reader_env,
        report,
        search_index,
        search_ja,
        stamp,
        theme_css,
        values,
    )

    build.setup(app)  # 1. 読み込みの前に、記録のないスニペットを実行する
    cells.setup(app)  # 2. {snippet} / {snippet-pair}: コードと記録の出力
    cjk_linebreaks.setup(app)  # 3. 日本語の文中の改行を空白にしない
    stamp.setup(app)  # 4. 「… で実行・検証済み」のスタンプ
    mermaid_local.setup(app)  # 5. mermaid の図をビルド時に SVG にする
    search_ja.setup(app)  # 6. 日本語の検索語の分かち書き
    search_index.setup(app)  # 6b. 関連度で順位を付ける検索の索引
    notebook.setup(app)  # 7. 出力つきの .ipynb をダウンロードに加える
    report.setup(app)  # 8. ビルドレポート(ページごとの実行結果の表)
    reader_env.setup(app)  # 9. 読者の環境を入れるコマンド(pyproject から)
    values.setup(app)  # 10. {snippet-value}: 本文の数値を実行結果と照合する
    equivalence.setup(app)  # 11. 対応表の検証の列と、タブの脇の同等性の注記
    icons.setup(app)  # 12. テーマのアイコンを、使うものだけの小さな CSS で
    math_svg.setup(app)  # 13. 数式をビルド時に SVG にする
    console_lexer.setup(app)  # 14. 対話モードの例: プロンプトの行だけがコード
    theme_css.setup(app)  # 15. テーマの CSS から使わない Bootstrap を除く
    return {"parallel_read_safe": True, "parallel_write_safe": True}
