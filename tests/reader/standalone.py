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


def needs_fresh_process(source: str) -> bool:
    """import 済みのプロセスからでは、単独の実行と同じにならないコード。"""
    return any(
        word in source for word in ("tensorflow", "keras", "os.environ")
    )


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

    def _server(self) -> subprocess.Popen:
        server = getattr(self._local, "server", None)
        if server is None:
            server = subprocess.Popen(
                [self.python, "-c", _SERVER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=self.env,
                text=True,
            )
            self._local.server = server
            with self._lock:
                self._servers.append(server)
        return server

    def run(self, file: Path) -> Result:
        """file を、そのフォルダを作業ディレクトリにして実行する。"""
        folder = file.parent
        if needs_fresh_process(file.read_text(encoding="utf-8")):
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
        server = self._server()
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
