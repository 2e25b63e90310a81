"""コードを実行したページに「… で実行・検証済み」のスタンプを付ける。

バージョンはビルド時に実際にインストールされているものを読む。書き込み時
(doctree-resolved)に挿入するので、バージョンが変わればページにも反映される。
"""

import platform
from importlib import metadata

from docutils import nodes

from .markers import cuda_available

_PACKAGES = [
    ("torch", "torch"),
    ("tensorflow-cpu", "TensorFlow"),
    ("keras", "Keras"),
]


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def stamp_text(gpu: bool) -> str:
    parts = [
        f"{label} {v}" for dist, label in _PACKAGES if (v := _version(dist))
    ]
    parts.append(f"Python {platform.python_version()}")
    where = "CUDA GPU" if gpu else "CPU"
    return " / ".join(parts) + f" で実行・検証済み({where})"


def _is_executed(doctree: nodes.document) -> bool:
    return any(n.get("snippet") for n in doctree.findall(nodes.container))


def insert_stamp(app, doctree: nodes.document, docname: str) -> None:
    if not _is_executed(doctree):
        return
    para = nodes.paragraph("", stamp_text(cuda_available()))
    stamp = nodes.container("", para, classes=["verified-stamp"])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and isinstance(section[0], nodes.title):
        section.insert(1, stamp)
    else:
        doctree.insert(0, stamp)


def setup(app) -> None:
    app.connect("doctree-resolved", insert_stamp)
