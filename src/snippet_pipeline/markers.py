"""スニペットの事実(マーカー)と、スニペットの一覧。Sphinx には依存しない。

スニペットについての事実は、スニペットのファイルにだけ書く。ページは
繰り返さず、ビルドはここからタグやバッジを導く。マーカーはファイル中の
1 行のコメントで、次の 4 種類がある。

``# requires: cuda``
    CUDA GPU がないと動かない。CPU だけの環境では実行せず、バッジを出す。
``# expect-error: RuntimeError``
    その例外で終わることを見せるスニペット。例外の種類が違えば失敗。
``# nondeterministic: 理由``
    実行のたびに出力が変わる(計測した時間など)。再現性の検査から外す。
``# helper: 実行するスニペット``
    ページには載せず、別のスニペットが実行する部品(DDP のワーカーなど)。
"""

import ctypes.util
import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "src" / "snippets"

_REQUIRES_CUDA = re.compile(r"^# requires: cuda\s*$", re.M)
_EXPECT_ERROR = re.compile(r"^# expect-error: (\w+)\s*$", re.M)
_NONDETERMINISTIC = re.compile(r"^# nondeterministic: (.+?)\s*$", re.M)
_HELPER = re.compile(r"^# helper: (\S+)\s*$", re.M)


@dataclass(frozen=True)
class Snippet:
    """1 つのスニペットファイルと、そこに書かれた事実。"""

    path: Path

    @classmethod
    def from_id(cls, name: str) -> "Snippet":
        """``practice/techniques/save_load/save_load_torch`` の形の名前。"""
        return cls(SNIPPETS / f"{name.removesuffix('.py')}.py")

    @property
    def id(self) -> str:
        return str(self.path.relative_to(SNIPPETS).with_suffix(""))

    @property
    def relpath(self) -> str:
        """リポジトリのルートからの相対パス(報告とトレースバックに使う)。"""
        return str(self.path.relative_to(ROOT))

    @cached_property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()

    @property
    def requires_cuda(self) -> bool:
        return bool(_REQUIRES_CUDA.search(self.source))

    @property
    def expect_error(self) -> str | None:
        found = _EXPECT_ERROR.search(self.source)
        return found.group(1) if found else None

    @property
    def nondeterministic(self) -> str | None:
        found = _NONDETERMINISTIC.search(self.source)
        return found.group(1) if found else None

    @property
    def helper_of(self) -> str | None:
        found = _HELPER.search(self.source)
        return found.group(1) if found else None

    @property
    def tags(self) -> list[str]:
        """マーカーから導くタグ(HTML の class やノートブックのタグになる)。"""
        found = []
        if self.requires_cuda:
            found.append("gpu")
        if self.expect_error:
            found.append("raises-exception")
        if self.nondeterministic:
            found.append("nondeterministic")
        return found

    @property
    def runnable_here(self) -> bool:
        return not self.requires_cuda or cuda_available()


def all_snippets() -> list[Snippet]:
    """ページに載るスニペットと部品のすべて。"""
    return [
        Snippet(p)
        for p in sorted(SNIPPETS.rglob("*.py"))
        if p.name != "__init__.py"
    ]


def shard(items: list, spec: str | None) -> list:
    """``"1/2"`` のような指定で、items を分けたうちの 1 つを返す。

    名前(id)の順に交互に配るので、どの機械で分けても同じ分け方になる。
    """
    if not spec:
        return items
    index, count = (int(x) for x in spec.split("/"))
    if not 1 <= index <= count:
        raise ValueError(f"SHARD={spec}: 1/{count} から {count}/{count} まで")
    return items[index - 1 :: count]


@cache
def cuda_available() -> bool:
    """CUDA でコードを実行できるか。``DOCS_GPU`` があればそれに従う。"""
    forced = os.environ.get("DOCS_GPU", "").strip()
    if forced in {"0", "1"}:
        return forced == "1"
    # ドライバがなければ torch を import するまでもない(ビルドを速く保つ)
    if ctypes.util.find_library("cuda") is None:
        return False
    probe = "import torch; print(torch.cuda.is_available())"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True
    )
    return out.stdout.strip() == "True"
