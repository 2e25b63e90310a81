"""pytest との接続: ``snippet`` フィクスチャと、分担実行(``--shard``)。

``snippet("practice/…/name")`` はスニペットを executor で 1 回だけ実行し
(同じセッションでは結果を共有)、その名前空間を返す。実行の記録は
ビルドが表示するものそのもの。期待どおりでなければテストは失敗し、
直す場所(ファイル:行)を示す。CUDA が必要なスニペットは、CUDA がなければ
理由を示して skip する。

``--shard 1/2`` は、スニペットを名前順に分けたうちの 1 つ分だけを実行する
(そのスニペットを使うテストだけが残る)。記録はただのファイルなので、
分担した記録を集めればビルドは何も実行しない。
"""

import pytest

from . import executor, gpu_records, records
from .markers import Snippet, all_snippets, shard


class SnippetRunner:
    """テストから使う実行器。1 スニペットにつき 1 回だけ実行する。"""

    def __init__(self, allowed: set[str] | None = None):
        self.results: dict[str, executor.Result] = {}
        self.allowed = allowed

    def result(self, name: str) -> executor.Result:
        snippet = Snippet.from_id(name)
        if not snippet.path.is_file():
            raise FileNotFoundError(snippet.path)
        if self.allowed is not None and snippet.id not in self.allowed:
            pytest.skip(
                f"{snippet.id}: --shard でほかの分担になったスニペット"
            )
        if not snippet.runnable_here:
            pytest.skip(
                f"{snippet.id}: CUDA GPU が必要なスニペット"
                "(# requires: cuda)。この環境では CUDA が使えない。"
                + gpu_records.status(snippet)
            )
        if snippet.id not in self.results:
            self.results[snippet.id] = executor.run(snippet)
        return self.results[snippet.id]

    def __call__(self, name: str) -> dict:
        """名前空間。意図した例外は ``ns["__error__"]`` に入る。"""
        result = self.result(name)
        if result.failure:
            message = result.failure[1]
            error = AssertionError(f"直す場所: {result.where}: {message}")
            raise error from result.error
        if result.error is not None:
            result.namespace["__error__"] = result.error
        return result.namespace

    def stdout(self, name: str) -> str:
        """スニペットが標準出力に書いた内容(ページに表示されるもの)。"""
        return records.text_of(self.result(name).outputs)


def pytest_addoption(parser):
    parser.addoption(
        "--shard",
        default=None,
        help="スニペットを分けて実行する(例: 1/2)。記録は合わせて使える",
    )


def pytest_configure(config):
    executor.apply_environment()


@pytest.fixture(scope="session")
def snippet(pytestconfig) -> SnippetRunner:
    """スニペットを実行し、その名前空間(グローバル変数の dict)を返す。"""
    spec = pytestconfig.getoption("--shard")
    allowed = {s.id for s in shard(all_snippets(), spec)} if spec else None
    return SnippetRunner(allowed)
