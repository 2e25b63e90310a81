"""GPU 専用セル: ``:tags: [gpu]`` のついた code-cell を扱う。

- CUDA が使えないビルドでは、タグ行に ``skip-execution`` を足して実行しない
  (同じ行を書き換えるので、警告の行番号はずれない)。
- セルの上に「GPU が必要」バッジを表示する。
- スニペット側の ``# requires: cuda`` とページ側の gpu タグが
  食い違えば警告する。

判定(``DOCS_GPU`` での上書きを含む)は snippets._support.gpu にあり、
テストも同じものを使う。
"""

import re
from pathlib import Path

from _cells import code_cells
from docutils import nodes
from sphinx.util import logging

from snippets._support.gpu import cuda_available, requires_cuda

logger = logging.getLogger(__name__)
_TAGS_LINE = re.compile(r"^([ \t]*:tags:[ \t]*)\[(.*)\]")


def _relative(app, path: Path) -> str:
    try:
        return str(path.relative_to(app.confdir))
    except ValueError:
        return str(path)


def on_config_inited(app, config) -> None:
    config.gpu_execution = cuda_available()


def on_source_read(app, docname: str, content: list[str]) -> None:
    text = content[0]
    page = Path(app.env.doc2path(docname))
    lines = text.split("\n")
    for cell in code_cells(text):
        is_gpu = "gpu" in cell.tags
        path = cell.load(page)
        if path is not None and path.is_file():
            marked = requires_cuda(path)
            if marked != is_gpu:
                logger.warning(
                    "GPU 指定が食い違っています: %s には "
                    "`# requires: cuda` が%s、"
                    "セルの gpu タグが%s",
                    _relative(app, path),
                    "ある" if marked else "ない",
                    "ない" if marked else "ある",
                    location=(docname, cell.lineno),
                )
        if not is_gpu or app.config.gpu_execution:
            continue
        i = cell.options["tags"][0] - 1
        lines[i] = _TAGS_LINE.sub(r"\1[\2, skip-execution]", lines[i])
    content[0] = "\n".join(lines)


def add_badges(app, doctree: nodes.document) -> None:
    """gpu タグのセルの先頭にバッジを置く。"""
    ran = app.config.gpu_execution
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") != "cell_code":
            continue
        if "gpu" not in cell.get("cell_metadata", {}).get("tags", []):
            continue
        note = (
            "CUDA GPU で実行しました。"
            if ran
            else "このビルド環境には CUDA GPU がないため、このセルは実行して"
            "いません(出力なし)。GPU のある環境では実行されます。"
        )
        badge = nodes.inline(
            "", "GPU が必要", classes=["sd-badge", "gpu-badge"]
        )
        para = nodes.paragraph("", "", badge, nodes.Text(" " + note))
        box = nodes.container("", para, classes=["gpu-note"])
        cell.insert(0, box)
        cell["classes"].append("gpu-cell")


def setup(app):
    app.add_config_value("gpu_execution", False, "env", bool)
    app.connect("config-inited", on_config_inited)
    # snippet_cells より後に動けばよいが、順序には依存しない
    app.connect("source-read", on_source_read)
    app.connect("doctree-read", add_badges)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
