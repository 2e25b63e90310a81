"""テスト(pytest)がスニペットを実行した結果を、ビルドで再利用する。

tests/snippet_runner.py は、スニペットを実行したときの出力(標準出力・図・
例外)を nbformat の outputs として ``<ビルドディレクトリ>/snippet-runs/`` に
書き出す。このフックは、ページのすべてのコードセルについて「いまのファイル
内容と同じ内容」の実行記録があれば、それを出力とする実行済みノートブックを
myst-nb の実行キャッシュに登録する。myst-nb はキャッシュに一致を見つけて、
カーネルでの再実行を省く。

- 記録はファイル内容の SHA-256 で照合するので、テスト後にスニペットを
  編集すれば記録は使われず、ページは普通に実行される。
- 記録がないセルが 1 つでもあれば何もしない(普通に実行される)。
- 例外の記録は、セルに ``raises-exception`` タグがあるときだけ使う。
"""

import hashlib
import json
import platform
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn, CachingError
from myst_nb.core.read import create_nb_reader
from sphinx.util import logging

logger = logging.getLogger(__name__)

_LANGUAGE_INFO = {
    "name": "python",
    "version": platform.python_version(),
    "mimetype": "text/x-python",
    "file_extension": ".py",
    "pygments_lexer": "ipython3",
    "codemirror_mode": {"name": "ipython", "version": 3},
    "nbconvert_exporter": "python",
}


def _records(app) -> dict[str, dict]:
    """sha256 → 実行記録。ビルドの開始時に一度だけ読む。"""
    if not hasattr(app, "_snippet_runs"):
        runs = Path(app.env.mystnb_config.execution_cache_path).parent
        app._snippet_runs = {}
        for path in sorted((runs / "snippet-runs").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            app._snippet_runs[record["sha256"]] = record
    return app._snippet_runs


def reuse_test_runs(app, docname: str, content: list[str]) -> None:
    if app.env.mystnb_config.execution_mode != "cache":
        return
    records = _records(app)
    if not records:
        return
    page = app.env.doc2path(docname)
    reader = create_nb_reader(
        str(page), app.env.myst_config, app.env.mystnb_config, content[0]
    )
    if reader is None:
        return
    notebook = reader.read(content[0])
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    if not cells:
        return
    seconds = 0.0
    for count, cell in enumerate(cells, start=1):
        tags = cell.metadata.get("tags", [])
        if "skip-execution" in tags:
            continue
        digest = hashlib.sha256(cell.source.strip().encode()).hexdigest()
        record = records.get(digest)
        if record is None:
            return
        errors = [o for o in record["outputs"] if o["output_type"] == "error"]
        if errors and "raises-exception" not in tags:
            return
        cell.outputs = nbformat.from_dict(record["outputs"])
        cell.execution_count = count
        seconds += record["seconds"]
    notebook.metadata["language_info"] = _LANGUAGE_INFO
    cache = get_cache(app.env.mystnb_config.execution_cache_path)
    bundle = CacheBundleIn(
        notebook, str(page), data={"execution_seconds": seconds}
    )
    try:
        cache.cache_notebook_bundle(
            bundle, check_validity=False, overwrite=True
        )
    except (OSError, CachingError) as exc:  # 再利用できなくても実行すればよい
        logger.info("%s: テストの実行結果を登録できません: %s", docname, exc)
        return
    logger.info("%s: テストでの実行結果を使います [snippet_reuse]", docname)


def setup(app):
    # gpu_cells の書き換え(skip-execution の付与)の後で動かす
    app.connect("source-read", reuse_test_runs, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
