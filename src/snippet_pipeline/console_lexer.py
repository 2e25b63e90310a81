"""対話モードの例(``pycon``)の色分け: コードは ``>>>`` と ``...`` の行だけ。

pygments の ``PythonConsoleLexer`` は、トレースバックや例のあいだの行に
出力の印(``Generic.Output``、HTML の ``.go``)を付けない。コピーボタンは
プロンプト(``.gp``)と出力(``.go``)を除いて写すので、そのままでは
トレースバックが写り、貼り付けると動かない。ここでは、プロンプトのない
行をすべて出力として印を付ける。
"""

import re

from pygments.lexers.python import PythonConsoleLexer
from pygments.token import Generic

_PROMPT = re.compile(r"(>>>|\.\.\.)( |$)")


class ConsoleLexer(PythonConsoleLexer):
    name = "Python console (prompt lines only are code)"
    aliases = ["pycon"]

    def get_tokens_unprocessed(self, text):
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        code = [bool(_PROMPT.match(text, s)) for s in starts]

        def is_code(index: int) -> bool:
            line = max(i for i, s in enumerate(starts) if s <= index)
            return code[line]

        for index, token, value in super().get_tokens_unprocessed(text):
            # 値が行をまたぐときは、行ごとに判定する
            offset = 0
            for piece in value.splitlines(keepends=True):
                where = index + offset
                if not is_code(where) and piece.strip("\n"):
                    yield where, Generic.Output, piece
                else:
                    yield where, token, piece
                offset += len(piece)


def setup(app) -> None:
    app.add_lexer("pycon", ConsoleLexer)
