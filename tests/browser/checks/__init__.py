"""全ページの巡回(tests/browser/test_crawl.py)で、ページごとに行う確認。

1 つの確認が 1 つのモジュール ``checks/<名前>.py`` で、次の 2 つを定める。

``MODES``
    確認する表示の集合。``{"desktop-light", "desktop-dark", "phone-light",
    "phone-dark"}`` の部分集合(phone は幅 375px・タッチ、dark は
    ``prefers-color-scheme: dark`` で、テーマの ``data-theme`` も dark)。

``check(page, url, mode) -> list[str]``
    ``page`` は ``url`` を ``mode`` で開き終えた Playwright の Page。問題を
    1 つずつ文字列で返す(ページのパスと何が悪いかを書く。空なら問題なし)。

任意で ``finish() -> list[str]`` を定めると、すべてのページの後に 1 度呼ぶ
(「サイトに少なくとも 1 つある」のような、ページをまたぐ確認に使う)。

巡回はブラウザ 1 つで、各ページを画面の幅ごとに 1 度だけ開き(ライトで
開いてから、色の設定を切り替えてダークにする)、その表示を必要とする
すべての確認をそこで行う。確認の順は名前順。確認がページの状態を
変える(クリックなど)ときは、後の確認に響かないように元に戻すか、
``LAST = True`` を定めてほかの確認の後に回す(LAST の確認は 1 つの表示に
1 つまで。次のページを開けば元に戻る)。
モジュールを置くだけで、test_crawl.py がテストとして 1 つずつ数える。

``log(page)`` は、そのページを開いてからの JavaScript のエラーと、外部への
要求(遮断したもの)を返す。
"""

import collections
import dataclasses
import pkgutil
from pathlib import Path

ALL_MODES = frozenset(
    {"desktop-light", "desktop-dark", "phone-light", "phone-dark"}
)


@dataclasses.dataclass
class PageLog:
    errors: list[str] = dataclasses.field(default_factory=list)
    external: list[str] = dataclasses.field(default_factory=list)


_LOGS: dict[int, PageLog] = {}
# 確認ごと・表示ごとの巡回の所要秒(conftest.py が最後に示す)
TIMES: dict[str, float] = collections.defaultdict(float)


def log(page) -> PageLog:
    """``page`` を今のページへ移ってからの記録(巡回が書き込む)。"""
    return _LOGS.setdefault(id(page), PageLog())


def reset_log(page) -> PageLog:
    _LOGS[id(page)] = PageLog()
    return _LOGS[id(page)]


def names() -> list[str]:
    """確認のモジュール名(名前順)。"""
    return sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not m.name.startswith("_")
    )


def path_of(url: str) -> str:
    """問題の文に書く、サイトの中のパス。"""
    return url.split("/", 3)[-1] if "://" in url else url


def is_reader_page(url: str) -> bool:
    """読者が読むページか(索引・検索・404 でない)。"""
    from browser.helpers import NOT_PAGES

    return path_of(url) not in NOT_PAGES
