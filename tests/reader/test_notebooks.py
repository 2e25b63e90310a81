"""ダウンロードしたノートブック(``.ipynb``)は、読者の環境で上から順に動く。

コードを載せたページのノートブックをすべて、読者の環境
(``conftest.py``)の新しいカーネルで、空のフォルダから実行する。

- どのセルも失敗しない(例外で終わることがページの内容のセルを除く)。
- 保存されている出力は、ページがセルの下に表示したものと同じ。
- Markdown のセルは素の Markdown で、MyST の記法(``:::{…}``、
  ```` ```{…} ````、``{doc}`` などのロール)、サイト内の ``.md`` へのリンク、
  HTML 向けのアイコン(``<svg``)を含まない。
"""

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from reader.environment import reader_env

JOBS = max(2, os.cpu_count() or 2)
MYST = re.compile(
    r"^(:{3,}|`{3,})\{|\{[a-z-]+\}`|\]\([^)]*\.md(#[^)]*)?\)|<svg", re.M
)


def notebooks(site: Path) -> list[Path]:
    return sorted((site / "_sources").rglob("*.ipynb"))


@pytest.fixture(scope="module")
def downloads(site) -> list[Path]:
    found = notebooks(site)
    assert found, "ノートブックがありません"
    return found


@pytest.fixture(scope="module")
def kernel_dir(reader_python, tmp_path_factory) -> Path:
    """読者の Python で動くカーネルの定義(python3 の名前で)。"""
    folder = tmp_path_factory.mktemp("kernels")
    spec = folder / "python3"
    spec.mkdir()
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [
                    str(reader_python),
                    "-m",
                    "ipykernel_launcher",
                    "-f",
                    "{connection_file}",
                ],
                "display_name": "Python 3",
                "language": "python",
            }
        )
    )
    return folder


def _execute(path: Path, kernel_dir: Path, python: Path, tmp: Path):
    notebook = nbformat.read(path, as_version=4)
    folder = tmp / "_".join(path.with_suffix("").parts[-3:])
    folder.mkdir(parents=True)
    manager = KernelManager(
        kernel_name="python3",
        kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir)]),
    )
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=300,
        resources={"metadata": {"path": str(folder)}},
    )
    env = reader_env(python, folder)
    try:
        client.execute(env=env, cwd=str(folder))
    except Exception as error:  # どのセルで失敗したかを報告する
        return f"{path.name}: {type(error).__name__}: {error}"[:3000]
    return None


# すべてを並列に実行するので、1 つのテストとしては長い
@pytest.mark.timeout(1200)
def test_notebooks_run_top_to_bottom_in_a_clean_kernel(
    downloads, kernel_dir, reader_python, tmp_path
):
    with ThreadPoolExecutor(JOBS) as pool:
        failures = pool.map(
            lambda p: _execute(p, kernel_dir, reader_python, tmp_path),
            downloads,
        )
        failures = [f for f in failures if f]
    print(f"ノートブック {len(downloads)} 冊を新しいカーネルで実行")
    assert not failures, "\n\n".join(failures)


def test_markdown_cells_are_plain_markdown(downloads):
    found = []
    for path in downloads:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                found += [
                    f"{path.name}: {m.group(0)}"
                    for m in MYST.finditer(cell.source)
                ]
    assert not found, found


def _page_outputs(html: Path) -> list[str]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return [
        "".join(
            o.select_one("pre").get_text()
            for o in cell.select("div.output.stream")
        )
        for cell in soup.select("div.cell")
    ]


def test_notebook_outputs_are_the_pages_outputs(site, downloads):
    differ = []
    for path in downloads:
        page = site / path.relative_to(site / "_sources").with_suffix(".html")
        cells = [
            c
            for c in nbformat.read(path, as_version=4).cells
            if c.cell_type == "code"
        ]
        stored = [
            "".join(
                o.get("text", "")
                for o in c.outputs
                if o.output_type == "stream"
            )
            for c in cells
        ]
        shown = _page_outputs(page)
        if stored != shown:
            differ.append(path.name)
    assert not differ, differ
