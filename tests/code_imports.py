"""コードが import するモジュールを、行番号とともに読む(AST)。

スニペットの TensorFlow の設定の位置(test_pages_snippets.py)と、コピーした
コードが読者の入れたパッケージだけを使うこと(reader/test_copy_buffer.py)が
同じ読み方をする。読者の実行をどのプロセスでするか(reader/standalone.py の
kind)も、TensorFlow を import する位置をこれで読む。相対 import は数えない。
コードを読むのは ``parse()``(スレッドから呼んでもよい)。
"""

import ast
import threading

#: ast.parse を同時に 1 つだけにする
_PARSING = threading.Lock()

#: import すると TensorFlow が読み込まれるパッケージ
TF_PACKAGES = {"tensorflow", "keras", "tensorboard"}

#: TensorFlow を使うスニペットが、TensorFlow を import する前に書く 2 行
#: (ログを出さず、oneDNN を切って結果の最後の桁をそろえる)
TF_SETUP = (
    'os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")',
    'os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")',
)


def parse(source: str) -> ast.Module:
    """``ast.parse(source)`` を、ほかのスレッドの parse と重ならないように。

    Python 3.11 の ast.parse は、木を Python のオブジェクトに変える深さを
    インタープリタで 1 つの数で数える。その途中で GC が Python のコード
    (``__del__`` など)を実行してスレッドが切り替わり、別のスレッドも
    parse すると、数がずれて SystemError(AST constructor recursion depth
    mismatch)になる(CI で、並列に実行するスレッドの中で起きた。
    test_code_imports.py で再現する)。
    """
    with _PARSING:
        return ast.parse(source)


def imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(行番号, import するモジュールの名前(torch.utils.tensorboard など))
    の並び。"""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, name) for name in names]
    return found


def top_level_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(行番号, 最上位のパッケージ名) の並び。"""
    return [(line, name.split(".")[0]) for line, name in imports(tree)]


def first_tf_import(tree: ast.AST) -> int | None:
    """TF_PACKAGES を最初に import する行(なければ None)。
    torch.utils.tensorboard も、中で tensorboard を import するので数える。"""
    lines = [
        line
        for line, name in imports(tree)
        if set(name.split(".")) & TF_PACKAGES
    ]
    return min(lines, default=None)
