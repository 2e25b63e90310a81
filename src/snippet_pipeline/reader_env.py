"""読者の環境: このサイトのコードを動かすのに必要なものを入れるコマンド。

``{reader-install}`` ディレクティブが、``pyproject.toml`` の
``[project].dependencies``(スニペットの実行に必要なものの固定)から
pip のコマンドを作ってページに載せる。版を書くのは pyproject.toml だけなので、
ページの版と、サイトが実行・検証した版は食い違わない。
"""

import tomllib

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .markers import ROOT

#: PyTorch の CPU 版だけを置く索引(Linux で CUDA 用の大きな依存を避ける)
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def pins() -> list[str]:
    return list(_project()["project"]["dependencies"])


def python_version() -> str:
    """必要な Python の版(``requires-python`` の ``>=3.11`` なら ``3.11``)。"""
    return _project()["project"]["requires-python"].removeprefix(">=")


def command(kind: str) -> str:
    """``cpu`` か ``cuda`` の pip install のコマンド(行を折り返した形)。"""
    packages = pins()
    if kind == "cuda":
        # TensorFlow の GPU 版は、CUDA のライブラリを含む and-cuda を入れる
        packages = [
            p.replace("tensorflow-cpu==", "tensorflow[and-cuda]==")
            for p in packages
        ]
        head = ["pip install"]
    else:
        head = [f"pip install --extra-index-url {TORCH_CPU_INDEX}"]
    quoted = [f'"{p}"' if "[" in p else p for p in packages]
    return " \\\n    ".join(head + quoted)


class ReaderInstallDirective(SphinxDirective):
    """``{reader-install}``: 必要な Python の版と、CPU 用・CUDA 用の
    インストールのコマンド(引数 ``cpu`` か ``cuda`` なら、そのコマンドだけ)。
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(ROOT / "pyproject.toml"))
        if self.arguments:
            if self.arguments[0] not in {"cpu", "cuda"}:
                raise self.error("引数は cpu か cuda(省略すると両方)")
            return [self.block(self.arguments[0])]
        intro = (
            f"Python {python_version()} 以上の仮想環境で、次の 1 行を"
            "実行すると、"
            "このサイトのコードが使うもの(PyTorch、TensorFlow/Keras、"
            "scikit-learn、matplotlib と日本語フォントの matplotlib-fontja "
            "など)が、サイトが実行・検証したのと同じ版でそろいます。"
        )
        return [
            nodes.paragraph(intro, intro),
            nodes.paragraph("", "CPU だけで動かす場合:"),
            self.block("cpu"),
            nodes.paragraph("", "NVIDIA の GPU(Linux)で動かす場合:"),
            self.block("cuda"),
        ]

    def block(self, kind: str) -> nodes.literal_block:
        text = command(kind)
        block = nodes.literal_block(text, text, language="sh")
        self.set_source_info(block)
        return block


def setup(app) -> None:
    app.add_directive("reader-install", ReaderInstallDirective)
