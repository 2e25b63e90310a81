"""Jupyter のカーネルの定義(``kernels.py``)が起動するプロセス。

``python -I launcher.py <ソケット> <ipykernel_launcher の引数>…``: fork
サーバー(``forkserver.py`` の ``kernels``)に、この標準入出力・作業
ディレクトリ・環境変数・優先度(SCHED_IDLE か)でカーネルを起動して
もらい、カーネルが終わるまで待って同じ終了コードで終わる。jupyter_client が
このプロセスに送るシグナル(割り込みの SIGINT、SIGTERM)はカーネルの
プロセスグループに伝える。このプロセスが kill されれば、サーバーがカーネルを
kill する。標準ライブラリだけを使う。
"""

import json
import os
import signal
import socket
import sys


def main() -> int:
    address, *argv = sys.argv[1:]
    server = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    server.connect(address)
    request = {
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "idle": os.sched_getscheduler(0) == os.SCHED_IDLE,
    }
    socket.send_fds(server, [json.dumps(request).encode()], [0, 1, 2])
    pid = int(server.recv(64))

    def forward(signum, frame):
        try:
            os.killpg(pid, signum)
        except ProcessLookupError:  # 新しいセッションを作る前か、終わった後
            try:
                os.kill(pid, signum)
            except ProcessLookupError:
                pass

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, forward)
    code = server.recv(64)  # カーネルが終われば終了コード
    return int(code) if code else 1


if __name__ == "__main__":
    sys.exit(main())
