"""コピーしたコードを、読者と同じように新しいプロセスで実行する。

``python <ファイル>`` と同じ結果を、速く得る: 読者の環境の Python を 1 つ
起動して torch と NumPy を import しておき、コードごとにそのプロセスを
fork した新しいプロセスで、空のフォルダを作業ディレクトリにして
``__main__`` として実行する(torch の import の 2 秒ほどを毎回払わない)。

fork した子は、torch を import し終えた直後の新しいプロセスと同じ状態で
始まる。ただし、import より前に環境変数を書き換えるコード(TensorFlow の
設定など)や TensorFlow を使うコードは、import 済みの状態では結果が変わり
うるので、``python <ファイル>`` で本当に新しいプロセスとして実行する。
"""

import json
import subprocess
import threading
from pathlib import Path

# 子の終わり方は python <ファイル> と同じ: 例外ならトレースバックと 1、
# sys.exit("文") なら文を標準エラーに書いて 1
_SERVER = r"""
import json, os, runpy, sys, traceback
import numpy, torch  # noqa: F401 (子が import し直さないように)
if os.environ.get("READER_PRELOAD_TF"):
    # TensorFlow を使うスニペットが import の前に行う設定と同じもの
    # (tests/test_pages_snippets.py がスニペットにあることを確かめる)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    del os.environ["READER_PRELOAD_TF"]
    import keras, tensorflow  # noqa: F401

def child(request):
    os.chdir(request["cwd"])
    for fd, name in ((1, "stdout"), (2, "stderr")):
        os.dup2(os.open(request[name], os.O_WRONLY | os.O_CREAT), fd)
    sys.argv = [request["file"]]
    sys.path[0] = request["cwd"]
    code = 0
    try:
        runpy.run_path(request["file"], run_name="__main__")
    except SystemExit as stop:
        if isinstance(stop.code, int):
            code = stop.code
        elif stop.code is not None:
            print(stop.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

for line in sys.stdin:
    request = json.loads(line)
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        child(request)
    _, status = os.waitpid(pid, 0)
    print(json.dumps(os.waitstatus_to_exitcode(status)), flush=True)
"""


_TF_SETUP = (
    'os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")',
    'os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")',
)


def kind(source: str) -> str:
    """どのプロセスで実行するか: ``torch``(torch を import 済みのものを
    fork)、``tf``(TensorFlow も、スニペットと同じ設定で import 済み)、
    ``fresh``(本当に新しいプロセス)。import の前に環境変数を書き換える
    コードは、import 済みの状態では結果が変わりうるので fresh にする。
    """
    uses_tf = any(w in source for w in ("tensorflow", "keras", "tensorboard"))
    # 環境変数に触れるのが、その 2 行の設定だけなら、import 済みと同じ
    if all(line in source for line in _TF_SETUP) and source.count(
        "os.environ"
    ) == len(_TF_SETUP):
        return "tf"
    if uses_tf or "os.environ" in source:
        return "fresh"
    return "torch"


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


class Runner:
    """読者の Python で、ファイルを 1 つずつ新しいプロセスとして実行する。"""

    def __init__(self, python: Path, env: dict[str, str]):
        self.python = python
        self.env = env
        self._local = threading.local()
        self._servers: list[subprocess.Popen] = []
        self._lock = threading.Lock()

    def _server(self, name: str) -> subprocess.Popen:
        servers = self._local.__dict__.setdefault("servers", {})
        server = servers.get(name)
        if server is None:
            env = dict(self.env)
            if name == "tf":
                env["READER_PRELOAD_TF"] = "1"
            server = subprocess.Popen(
                [self.python, "-c", _SERVER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                text=True,
            )
            servers[name] = server
            with self._lock:
                self._servers.append(server)
        return server

    def run(self, file: Path) -> Result:
        """file を、そのフォルダを作業ディレクトリにして実行する。"""
        folder = file.parent
        how = kind(file.read_text(encoding="utf-8"))
        if how == "fresh":
            done = subprocess.run(
                [self.python, file.name],
                cwd=folder,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            return Result(done.returncode, done.stdout, done.stderr)
        out, err = folder.parent / "stdout.txt", folder.parent / "stderr.txt"
        request = {
            "file": str(file),
            "cwd": str(folder),
            "stdout": str(out),
            "stderr": str(err),
        }
        server = self._server(how)
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        code = json.loads(server.stdout.readline())
        return Result(
            code,
            out.read_text(encoding="utf-8"),
            err.read_text(encoding="utf-8"),
        )

    def close(self) -> None:
        for server in self._servers:
            server.stdin.close()
            server.wait(timeout=60)
