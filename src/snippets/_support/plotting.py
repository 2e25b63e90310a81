"""図の共通設定: 日本語フォントと見た目。

スニペットは描画の前に ``use_japanese_font()`` を呼ぶ。中身は
matplotlib-fontja(IPAex ゴシック)を有効にするだけなので、このサイトの外で
使うときは ``import matplotlib_fontja`` の 1 行で同じことができる。
"""

import matplotlib as mpl


def use_japanese_font() -> None:
    """日本語を豆腐(□)にせず描けるようにし、図の体裁をそろえる。"""
    import matplotlib_fontja

    matplotlib_fontja.japanize()
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "figure.facecolor": "white",
            "axes.grid": True,
            "grid.alpha": 0.3,
        }
    )
