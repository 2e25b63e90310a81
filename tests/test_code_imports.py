"""code_imports.parse は、スレッドから同時に呼んでも正しく読む。

並列に実行するスレッド(reader/standalone.py の parallel)の中で、どの
プロセスで実行するかを決めるためにコードを読む。Python 3.11 の ast.parse
はそれが重なると SystemError になることがある(code_imports.parse)。
"""

import ast
import gc
import threading
import time
from pathlib import Path

import pytest
from code_imports import parse

# 長いスニペット(木を作る途中で何度も GC が動く)
_SOURCE = max(
    (
        p.read_text(encoding="utf-8")
        for p in (Path(__file__).parents[1] / "src" / "snippets").rglob("*.py")
    ),
    key=len,
)


@pytest.fixture
def switching_gc():
    """GC が動くたびに、ほかのスレッドに切り替わる(CI でカーネルの
    クライアントの ``__del__`` がしていたこと)。"""

    def pause(phase, info):
        if phase == "start":
            time.sleep(0.0002)

    threshold = gc.get_threshold()
    gc.set_threshold(100)
    gc.callbacks.append(pause)
    yield
    gc.callbacks.remove(pause)
    gc.set_threshold(*threshold)


def _nested(depth: int, function):
    """呼び出しの深さを depth だけ深くして function を呼ぶ。"""
    return function() if depth == 0 else _nested(depth - 1, function)


def test_parse_from_threads_at_different_depths(switching_gc):
    expected = ast.dump(ast.parse(_SOURCE))
    errors = []

    def work(depth: int) -> None:
        def many():
            for _ in range(20):
                try:
                    assert ast.dump(parse(_SOURCE)) == expected
                except Exception as error:  # noqa: BLE001 (報告する)
                    errors.append(repr(error))
                    return

        _nested(depth, many)

    threads = [
        threading.Thread(target=work, args=(depth,)) for depth in (0, 7)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]
