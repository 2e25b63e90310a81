"""コピーしたコードを、読者と同じように新しいプロセスで実行する。

``python <ファイル>``、``python -c <文字列>``、``python -i -q``(対話モード
に貼り付ける)と同じ結果を、速く得る: 読者の環境の Python を 1 つ起動して
NumPy と torch を import しておき(``forkserver.py``)、コードごとにその
プロセスを fork した新しいプロセスで、空のフォルダを作業ディレクトリにして
新しい ``__main__`` で実行する(torch の import の 2 秒ほどを毎回払わない)。

fork した子は、torch を import し終えた直後の新しいプロセスと同じ状態で
始まる。ただし、import より前に環境変数を書き換えるコード(TensorFlow の
設定など)や TensorFlow を使うコード、torch のコンパイルに触れるコードは、
import 済みの状態では結果が変わりうるので、``python …`` で本当に新しい
プロセスとして実行する(TensorFlow を使うコードのうち、スニペットと同じ
設定だけをしてから import するものは、その設定で TensorFlow も import 済みの
ものを fork する)。規則は ``kind()``。ノートブックのカーネル(kernels.py)
も同じ規則で選ぶ。
"""

import collections
import json
import os
import subprocess
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import TypeVar

from code_imports import TF_PACKAGES, TF_SETUP, first_tf_import, parse

from snippet_pipeline import records
from snippet_pipeline.markers import Snippet, all_snippets

T = TypeVar("T")
R = TypeVar("R")

#: fork サーバー(読者の Python で ``python -c`` として実行する)
SERVER = (Path(__file__).parent / "forkserver.py").read_text(encoding="utf-8")

_COMPILE = ("torch.compile", "_dynamo", "_inductor")


def _first_tf_import(source: str) -> int | None:
    """TensorFlow などを最初に import する行。Python として読めないコード
    (ノートブックのマジックなど)では、名前が出てくれば 0。"""
    try:
        return first_tf_import(parse(source))
    except SyntaxError:
        return 0 if any(w in source for w in TF_PACKAGES) else None


def kind(source: str) -> str:
    """どのプロセスで実行するか: ``torch``(torch を import 済みのものを
    fork)、``tf``(TensorFlow も、スニペットと同じ設定で import 済み)、
    ``fresh``(本当に新しいプロセス)。import の前に環境変数を書き換える
    コードは、import 済みの状態では結果が変わりうるので fresh にする。
    source はファイル 1 つか、ノートブックのコードのセルをつないだもの。
    """
    # torch._dynamo も import 済み(forkserver.py)。その設定やコンパイルに
    # 触れるコードは、新しいプロセスで import したときと同じにする
    if any(w in source for w in _COMPILE):
        return "fresh"
    # 説明の文(docstring やコメント)に名前が出るだけなら使わない
    first = _first_tf_import(source)
    uses_tf = first is not None
    # 環境変数に触れるのが、その 2 行の設定(ノートブックではスニペットごと
    # に繰り返す)だけで、TensorFlow などを import するのがその後なら、
    # スニペットと同じ設定で import 済みのものと同じ
    rest = source
    for line in TF_SETUP:
        rest = rest.replace(line, "")
    if all(line in source for line in TF_SETUP) and "os.environ" not in rest:
        setup = max(
            source[: source.index(line)].count("\n") + 1 for line in TF_SETUP
        )
        if first is None or first > setup:
            return "tf"
        return "fresh"
    if uses_tf or "os.environ" in source:
        return "fresh"
    return "torch"


#: 並列に実行する数
JOBS = max(2, os.cpu_count() or 2)


def parallel(
    function: Callable[[T], R],
    items: list[T],
    weight: Callable[[T], float] = lambda item: 0.0,
    jobs: int = JOBS,
) -> list[R]:
    """items のそれぞれに function を、jobs 個のスレッドで並列に実行した
    結果(items の順)。

    読者は 1 つずつ実行し、torch と TensorFlow は既定で CPU のコアの数の
    スレッドで計算する(待つ間に CPU を回し続けないよう、OpenMP のスレッドは
    environment.SCHEDULING で眠らせる)。同じ優先度で並べると、学習のループを
    回すプロセスどうしが互いのスレッドを待って遅くなる。そこで 1 つ目の
    スレッドだけがふつうの優先度で重い(weight の大きい)ものから実行し、
    ほかのスレッドは CPU が空いているときだけ動く優先度(SCHED_IDLE)で
    軽いものから実行する。
    優先度はスレッドごとで(Linux)、そのスレッドが起動するプロセスに
    引き継がれる(fork したカーネルには launcher.py が伝える)。重いものは
    1 つで実行したときに近い速さで進み、軽いものは空いた CPU で進む。
    優先度は実行の順番と速さだけを変え、スレッド数にも環境変数にも出力にも
    関わらない。
    function の中でコードを読むときは、``ast.parse`` ではなく
    ``code_imports.parse`` を使う(スレッドどうしで重なると壊れる)。
    """
    queue = collections.deque(
        sorted(range(len(items)), key=lambda i: -weight(items[i]))
    )
    results: list = [None] * len(items)
    lock = threading.Lock()

    def work(rank: int) -> None:
        if rank:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        while True:
            with lock:
                if not queue:
                    return
                i = queue.popleft() if rank == 0 else queue.pop()
            try:
                results[i] = function(items[i])
            except BaseException:
                with lock:  # ほかのスレッドも止める
                    queue.clear()
                raise

    with ThreadPoolExecutor(jobs) as pool:
        for done in [pool.submit(work, rank) for rank in range(jobs)]:
            done.result()
    return results


@cache
def snippet_files() -> dict[str, Snippet]:
    """ファイルの中身(末尾の改行を除く)→ スニペット。コピーしたコードが
    どのスニペットのファイル全体かを引く。"""
    return {s.source.rstrip("\n"): s for s in all_snippets()}


def recorded_seconds(source: str) -> float:
    """source のスニペットをビルドが実行したときの秒数(記録がなければ 0)。
    並列に実行する順番を決めるだけに使う。"""
    snippet = snippet_files().get(source.rstrip("\n"))
    record = records.load(snippet) if snippet else None
    return record["seconds"] if record else 0.0


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


class Runner:
    """読者の Python で、コードを 1 つずつ新しいプロセスとして実行する
    (``python <ファイル>``、``python -c``、``python -i -q``)。

    fork サーバーは種類ごとに、空いているものを使い回す(足りなければ
    起動する)。サーバーはこの Runner を作ったスレッドの優先度で起動し、
    SCHED_IDLE のスレッド(``parallel``)からの依頼なら、fork した子を
    その優先度にする。
    """

    def __init__(self, python: Path, env: dict[str, str]):
        self.python = python
        self.env = env
        self._idle: dict[tuple, list[subprocess.Popen]] = {}
        self._servers: dict[tuple, list[subprocess.Popen]] = {}
        self._lock = threading.Lock()
        # サーバーを起動するスレッド(作ったスレッドの優先度を引き継ぐ)
        self._spawner = ThreadPoolExecutor(1)
        self._spawner.submit(int).result()

    def _spawn(self, key: tuple) -> subprocess.Popen:
        how, console = key
        env = dict(self.env)
        if how == "tf":
            env["READER_PRELOAD_TF"] = "1"
        # 対話モードは python -i -q で起動したサーバーから(子の sys.flags も
        # python -i -q と同じになる)
        flags = ["-i", "-q"] if console else []
        server = self._spawner.submit(
            subprocess.Popen,
            [self.python, *flags, "-c", SERVER, "files"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        ).result()
        self._servers.setdefault(key, []).append(server)
        return server

    def start(self, how: str, console: bool = False) -> None:
        """how(``torch`` か ``tf``)のサーバーがなければ、起動しておく
        (import が終わるのは待たない)。"""
        key = (how, console)
        with self._lock:
            if not self._servers.get(key):
                self._idle.setdefault(key, []).append(self._spawn(key))

    def _request(self, key: tuple, request: dict) -> int:
        """空いているサーバー(なければ新しく起動する)に依頼する。"""
        with self._lock:
            idle = self._idle.get(key)
            server = idle.pop() if idle else self._spawn(key)
        try:
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            return json.loads(server.stdout.readline())
        finally:
            with self._lock:
                self._idle.setdefault(key, []).append(server)

    def _execute(
        self,
        how: str,
        folder: Path,
        argv: list[str],
        request: dict,
        stdin: str | None = None,
    ) -> Result:
        """folder を作業ディレクトリにして ``python <argv>`` と同じことを
        する(stdin は標準入力に与える文字列)。how は ``kind()`` の答え。
        標準入出力のファイルは folder の隣に置く(folder は空のまま)。"""
        if how == "fresh":
            done = subprocess.run(
                [self.python, *argv],
                cwd=folder,
                env=self.env,
                input=stdin,
                stdin=None if stdin is not None else subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=600,
            )
            return Result(done.returncode, done.stdout, done.stderr)
        out, err = folder.parent / "stdout.txt", folder.parent / "stderr.txt"
        request.update(cwd=str(folder), stdout=str(out), stderr=str(err))
        if stdin is not None:
            file = folder.parent / "stdin.txt"
            file.write_text(stdin, encoding="utf-8")
            request["stdin"] = str(file)
        request["idle"] = os.sched_getscheduler(0) == os.SCHED_IDLE
        code = self._request((how, request.get("console", False)), request)
        return Result(
            code,
            out.read_text(encoding="utf-8"),
            err.read_text(encoding="utf-8"),
        )

    def run(self, file: Path, how: str | None = None) -> Result:
        """``python <file>``(file のフォルダを作業ディレクトリにして)。
        how は ``kind()`` の答え(既定は file の中身から決める)。"""
        how = how or kind(file.read_text(encoding="utf-8"))
        return self._execute(
            how, file.parent, [file.name], {"file": file.name}
        )

    def command(self, code: str, stdin: str, folder: Path, how: str):
        """``python -c <code>``(標準入力に stdin を与えて)。"""
        return self._execute(
            how, folder, ["-c", code], {"command": code}, stdin
        )

    def console(self, text: str, folder: Path, how: str) -> Result:
        """``python -i -q`` に text を貼り付ける(標準入力から読ませる)。"""
        return self._execute(
            how, folder, ["-i", "-q"], {"console": True}, text
        )

    def close(self) -> None:
        for servers in self._servers.values():
            for server in servers:
                server.stdin.close()
                server.wait(timeout=60)
        self._spawner.shutdown()
