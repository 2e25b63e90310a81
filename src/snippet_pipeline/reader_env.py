"""読者の環境: このサイトのコードを動かすのに必要なものを入れるコマンド。

``{reader-install}`` ディレクティブが、``pyproject.toml`` の
``[project].dependencies``(スニペットの実行に必要なものの固定)から
pip のコマンドを作ってページに載せる。版を書くのは pyproject.toml だけなので、
ページの版と、サイトが実行・検証した版は食い違わない。
"""

import tomllib

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .markers import ROOT

#: PyTorch の CPU 版だけを置く索引(Linux で CUDA 用の大きな依存を避ける)
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def pins() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return list(project["project"]["dependencies"])


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
    required_arguments = 1
    option_spec = {"kind": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in {"cpu", "cuda"}:
            raise self.error("引数は cpu か cuda")
        self.env.note_dependency(str(ROOT / "pyproject.toml"))
        text = command(kind)
        block = nodes.literal_block(text, text, language="sh")
        self.set_source_info(block)
        return [block]


def setup(app) -> None:
    app.add_directive("reader-install", ReaderInstallDirective)
