"""実行記録: 形式、置き場所、環境の鍵。ビルドとテストが共有する。

記録は 1 スニペットにつき 1 つの JSON ファイルで、スニペットの内容と、
それを実行した環境(Python のバージョン、インストール済みの全パッケージの
バージョン、実行時の環境変数、実行器のコード)で決まる名前を持つ::

    <ビルドディレクトリ>/records/<環境の鍵>/<内容の sha256>.json

内容か環境のどちらかが変われば名前が変わるので、古い記録が表示されることは
ない。ただのファイルなので、複数の機械で分担して実行した記録は、
ディレクトリを重ねるだけで合わせられる。
"""

import hashlib
import json
import os
import platform
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from .markers import ROOT, Snippet

#: スニペットを実行するときの環境変数(ビルドでもテストでも同じ)。
#: 記録の鍵にも入る。出力を変える変数は置かない: 読者はこれらを設定しない
#: (出力が読者の実行と同じことは tests/reader が確かめる)。TensorFlow の
#: ログと oneDNN の設定は、TensorFlow を使うスニペット自身が見える形で行う
ENVIRONMENT = {
    "MPLBACKEND": "Agg",
    "PYTHONHASHSEED": "0",
    # 速さのため: 小さなモデルでは 1 スレッドが速く、並列に実行しても
    # 奪い合わない(既定のスレッド数の読者の実行と出力が同じことは
    # tests/reader が確かめる)
    "OMP_NUM_THREADS": "1",
}
#: 記録の形式の版。形式を変えたら上げる(古い記録は使われなくなる)
FORMAT = 1


def build_dir() -> Path:
    return Path(os.environ.get("DOCS_BUILDDIR", ROOT / "_build"))


@cache
def environment() -> dict:
    """記録を作った環境。鍵にも、記録の中身にも使う。"""
    dists = sorted(
        f"{d.metadata['Name'].lower()}=={d.version}"
        for d in metadata.distributions()
        if d.metadata["Name"]
    )
    # 実行器そのもの(これらのファイル)が変わっても、記録は作り直す
    core = hashlib.sha256()
    for name in ("executor.py", "records.py", "markers.py"):
        core.update((Path(__file__).parent / name).read_bytes())
    return {
        "executor": core.hexdigest(),
        "python": platform.python_version(),
        "implementation": sys.implementation.name,
        "machine": platform.machine(),
        "packages": dists,
        "variables": ENVIRONMENT,
    }


@cache
def environment_key() -> str:
    text = json.dumps([FORMAT, environment()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def record_path(snippet: Snippet, root: Path | None = None) -> Path:
    root = root or build_dir() / "records"
    return root / environment_key() / f"{snippet.sha256}.json"


def load(snippet: Snippet) -> dict | None:
    """いまの内容と環境の記録(なければ None)。"""
    path = record_path(snippet)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def save(snippet: Snippet, outputs: list[dict], seconds: float) -> Path:
    """記録を書く。同時に書く別のプロセスがあっても壊れないよう置き換える。"""
    path = record_path(snippet)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "format": FORMAT,
        "snippet": snippet.relpath,
        "sha256": snippet.sha256,
        "environment": environment_key(),
        "python": environment()["python"],
        "nondeterministic": snippet.nondeterministic,
        "seconds": round(seconds, 3),
        "outputs": outputs,
    }
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1))
    tmp.replace(path)
    return path


def text_of(outputs: list[dict], name: str = "stdout") -> str:
    """記録の出力のうち、ストリーム name に書かれた文字列。"""
    return "".join(
        o["text"]
        for o in outputs
        if o["output_type"] == "stream" and o["name"] == name
    )


def comparable(outputs: list[dict]) -> list:
    """出力を、同じかどうか比べられる形に(ストリームと例外はそのまま、
    図などのデータはハッシュに)。再現性の検査とベンチマークが使う。
    """
    items = []
    for o in outputs:
        if o["output_type"] == "stream":
            items.append([o["name"], o["text"]])
        elif o["output_type"] == "error":
            items.append(["error", o["ename"], o["evalue"], o["traceback"]])
        else:
            data = json.dumps(o.get("data", {}), sort_keys=True)
            digest = hashlib.sha256(data.encode()).hexdigest()
            items.append([o["output_type"], digest])
    return items
