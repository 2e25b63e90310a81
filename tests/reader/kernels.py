"""ノートブックを実行する、読者の Python の新しいカーネル。

``jupyter`` でノートブックを開いた読者と同じく、カーネルはノートブックごとに
新しいプロセス(新しい名前空間、プロジェクトのモジュールなし、読者の環境
変数、空のフォルダが作業ディレクトリ)。速く起動するため、ふつうは
``python -m ipykernel_launcher`` を新しく起動する代わりに、torch
(TensorFlow を使うノートブックは、スニペットと同じ設定で TensorFlow も)を
import 済みの fork サーバー(``forkserver.py`` の ``kernels``)から fork
したプロセスで ``ipykernel_launcher`` を実行する。どれを使うかは、コピー
したコードと同じ規則(``standalone.kind``)で、ノートブックのコードのセルを
つないだものから決める。``fresh`` のノートブックは、本当に新しい
``python -m ipykernel_launcher``。

カーネルの定義(``kernel.json``)は種類ごとのフォルダに ``python3`` の名前で
置く。fork するほうの定義が起動するのは ``launcher.py``(標準ライブラリ
だけの小さなプロセス)で、カーネルが終わるまで生き、kill されれば
サーバーがカーネルを kill する(jupyter_client はこのプロセスを止める)。
"""

import json
import socket
import subprocess
from pathlib import Path

from reader.standalone import SERVER

LAUNCHER = Path(__file__).parent / "launcher.py"
KINDS = ("fresh", "torch", "tf")


class Kernels:
    """種類(``standalone.kind`` の答え)ごとのカーネルの定義と、fork
    サーバー。"""

    def __init__(self, python: Path, env: dict[str, str], folder: Path):
        self.python = python
        self.env = env
        self.folder = folder
        for how in KINDS:
            if how == "fresh":
                argv = [str(python), "-m", "ipykernel_launcher"]
            else:
                argv = [
                    str(python),
                    "-I",
                    str(LAUNCHER),
                    str(self._socket(how)),
                ]
            spec = folder / how / "python3"
            spec.mkdir(parents=True)
            (spec / "kernel.json").write_text(
                json.dumps(
                    {
                        "argv": [*argv, "-f", "{connection_file}"],
                        "display_name": "Python 3",
                        "language": "python",
                    }
                )
            )
        # サーバーはここで(ふつうの優先度のスレッドから)起動する。カーネルは
        # launcher.py と同じ優先度にする(standalone.parallel)
        self._servers = [self._start(how) for how in KINDS if how != "fresh"]

    def _socket(self, how: str) -> Path:
        return self.folder / f"{how}.sock"

    def kernel_dir(self, how: str) -> Path:
        """how のカーネルの定義があるフォルダ。"""
        return self.folder / how

    def _start(self, how: str) -> subprocess.Popen:
        # 待ち受けはここで始める(サーバーが import している間の接続も待つ)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        listener.bind(str(self._socket(how)))
        listener.listen(64)
        env = dict(self.env)
        if how == "tf":
            env["READER_PRELOAD_TF"] = "1"
        with listener:
            return subprocess.Popen(
                [
                    self.python,
                    "-c",
                    SERVER,
                    "kernels",
                    str(listener.fileno()),
                ],
                stdin=subprocess.PIPE,
                env=env,
                pass_fds=[listener.fileno()],
            )

    def close(self) -> None:
        """サーバーを止める(残ったカーネルも止まる)。"""
        for server in self._servers:
            server.stdin.close()
            server.wait(timeout=60)
