"""ダウンロードしたノートブック(``.ipynb``)は、読者の環境で上から順に動く。

コードを載せたページのノートブックをすべて、読者の環境
(``conftest.py``)の新しいカーネル(``kernels.py``)で、空のフォルダから
実行する。コードのセルが同じノートブック(同じスニペットを載せたページ)
は、実行を 1 度にまとめる。

- どのセルも失敗しない(例外で終わることがページの内容のセルを除く)。
- 保存されている出力は、ページがセルの下に表示したものと同じ。
- Markdown のセルは素の Markdown で、MyST の記法(``:::{…}``、
  ```` ```{…} ````、``{doc}`` などのロール)、サイト内の ``.md`` へのリンク、
  HTML 向けのアイコン(``<svg``)を含まない。
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from reader.copying import page
from reader.environment import reader_env
from reader.kernels import Kernels
from reader.standalone import kind, parallel, recorded_seconds

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


def _kind(notebook) -> str:
    """どのカーネルで実行するか(コピーしたコードと同じ規則)。"""
    return kind(
        "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    )


def _weight(path: Path) -> float:
    """並列に実行する順番のための重さ(ビルドでセルを実行した秒数)。"""
    notebook = nbformat.read(path, as_version=4)
    return sum(
        recorded_seconds(c.source)
        for c in notebook.cells
        if c.cell_type == "code"
    )


def _execute(path: Path, kernels: Kernels, python: Path, tmp: Path):
    notebook = nbformat.read(path, as_version=4)
    folder = tmp / "_".join(path.with_suffix("").parts[-3:])
    folder.mkdir(parents=True)
    specs = kernels.kernel_dir(_kind(notebook))
    manager = KernelManager(
        kernel_name="python3",
        kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(specs)]),
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
    finally:  # km を渡したので、nbclient はカーネルを止めない(すぐ止める)
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    return None


def _code(path: Path) -> str:
    """実行の結果を決めるもの(コードのセルの中身とメタデータ)。"""
    notebook = nbformat.read(path, as_version=4)
    return json.dumps(
        [
            [c.source, c.metadata]
            for c in notebook.cells
            if c.cell_type == "code"
        ],
        ensure_ascii=False,
        sort_keys=True,
    )


# すべてを並列に実行するので、1 つのテストとしては長い
@pytest.mark.timeout(1200)
def test_notebooks_run_top_to_bottom_in_a_clean_kernel(
    downloads, kernels, reader_python, tmp_path
):
    same: dict[str, list[Path]] = {}
    for path in downloads:
        same.setdefault(_code(path), []).append(path)
    groups = list(same.values())
    results = parallel(
        lambda paths: _execute(paths[0], kernels, reader_python, tmp_path),
        groups,
        weight=lambda paths: _weight(paths[0]),
    )
    failures = [
        failure
        + "".join(f"\n(同じコードの {p.name} も同じ)" for p in paths[1:])
        for paths, failure in zip(groups, results, strict=True)
        if failure
    ]
    print(
        f"ノートブック {len(downloads)} 冊(コードの違う {len(groups)} 冊)を"
        "新しいカーネルで実行"
    )
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
    return [
        "".join(
            o.select_one("pre").get_text()
            for o in cell.select("div.output.stream")
        )
        for cell in page(html).select("div.cell")
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
