"""読者の Python で動く fork サーバー(``standalone.py`` と ``kernels.py`` が
``python -c <このファイルの中身> <役目> …`` として起動する)。

起動したときに numpy と torch(と torch._dynamo、scikit-learn。環境変数
``READER_PRELOAD_TF`` があれば、スニペットと同じ設定で TensorFlow と Keras
も)を import しておき、頼まれるたびに自分を fork した子で実行する。子は、
それらを import し終えた直後の新しいプロセスと同じ状態から始まる(import の
数秒を毎回払わない)。

- ``files``: 標準入力から 1 行に 1 つの JSON の依頼を読み、子の終了コードを
  1 行で返す。依頼の ``stdin``・``stdout``・``stderr`` はファイルのパスで、
  ``cwd`` が作業ディレクトリ、``idle`` なら子を SCHED_IDLE にする。
  ``file`` は ``python <ファイル>``、``command`` は ``python -c <文字列>``、
  ``console`` は ``python -i -q``(標準入力を対話モードの Python に貼り
  付ける)と同じ。``console`` の依頼は ``python -i -q -c …`` で起動した
  サーバーに送る(子の ``sys.flags`` も ``python -i -q`` と同じになる)。
- ``kernels <fd>``: fd の Unix ソケット(SOCK_SEQPACKET)で待ち、接続ごとに
  Jupyter のカーネル(``python -m ipykernel_launcher``)を fork した子で
  起動する。接続してくるのはカーネルの定義が起動する ``launcher.py`` で、
  依頼(argv・cwd・環境変数・優先度)と標準入出力の fd を送ってくる。
  子の pid を返し、子が終われば終了コードを返す。接続が切れれば(launcher
  が kill された)、子のプロセスグループを kill する。

どちらも標準入力が閉じれば終わる(残った子は kill する)。Linux 用
(pidfd、SCHED_IDLE、SOCK_SEQPACKET の Unix ソケット)。
"""

import atexit
import builtins
import ctypes
import importlib.machinery
import io
import json
import os
import runpy
import selectors
import signal
import socket
import sys
import traceback
import types

# 子の環境変数は、このサーバーを起動した環境(読者の環境)そのもの。下の
# import などが os.environ に足すもの(torch._dynamo の
# TORCHINDUCTOR_CACHE_DIR、scikit-learn の KMP_ の 2 つ(Intel OpenMP の設定。
# ここで使うライブラリは読まない)、カーネルの MPLBACKEND、TensorFlow の設定)
# は、import が終われば消す(test_harness.py が確かめる)
_READER_ENV = {k: v for k, v in os.environ.items() if k != "READER_PRELOAD_TF"}

# カーネルは、ユーザーのコードより前にこの設定をする(ipykernel の
# init_gui_pylab)。TensorFlow と Keras は import で matplotlib も import
# するので、カーネルの中で import したときと同じく、この設定で import する
_KERNELS = sys.argv[1:2] == ["kernels"] and not os.environ.get("MPLBACKEND")
if _KERNELS:
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"

import numpy  # noqa: E402, F401, I001 (子が import し直さない。順は依存の順)
import torch  # noqa: E402, F401

# torch がオプティマイザなどを初めて作るときに import するもの(1 秒ほど。
# 環境変数は TORCH で始まるものだけを読み、読者の環境にはない)。import
# したときの作業ディレクトリで決まる値は、コンパイルのデバッグ出力の置き場
# だけなので、torch.compile などを使うコードは本当に新しいプロセスで実行する
# (standalone.kind)
import torch._dynamo  # noqa: E402, F401

# scikit-learn(24 のスニペットが load_digits で使う。読み込みに 1 秒ほど。
# 環境変数は SKLEARN_ で始まるものだけを読み、読者の環境にはない)。SciPy の
# OpenBLAS が作るスレッドは、fork の前に OpenBLAS 自身が止める
import sklearn.datasets  # noqa: E402, F401
import sklearn.model_selection  # noqa: E402, F401

if os.environ.get("READER_PRELOAD_TF"):
    # TensorFlow を使うスニペットが import の前に行う設定と同じもの
    # (tests/code_imports.py の TF_SETUP。test_pages_snippets.py が
    # スニペットにあることを確かめる。スニペットは子の中で同じ設定をする)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import keras  # noqa: F401
    import tensorflow  # noqa: F401

os.environ.clear()
os.environ.update(_READER_ENV)


def _fresh_main() -> types.ModuleType:
    """新しいプロセスの ``__main__``(サーバーの変数は見えない)。"""
    main = types.ModuleType("__main__")
    main.__dict__.update(
        __annotations__={},
        __builtins__=builtins,
        __loader__=importlib.machinery.BuiltinImporter,
    )
    sys.modules["__main__"] = main
    return main


def _stdio(stdin: int, stdout: int, stderr: int) -> None:
    """fd 0・1・2 を付け替え、sys.stdin を読み残しのない新しいものにする。"""
    for target, fd in ((0, stdin), (1, stdout), (2, stderr)):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = sys.__stdin__ = io.TextIOWrapper(
        open(0, "rb", closefd=False),  # noqa: SIM115
        encoding=sys.stdin.encoding,
        errors=sys.stdin.errors,
        newline="\n",
    )


def _exit(code: int) -> None:
    """Python の終わり方と同じ: スレッドを待ち、atexit を呼び、出力を
    書き出してから終わる。"""
    try:
        if "threading" in sys.modules:
            sys.modules["threading"]._shutdown()
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: S110 (閉じられていても終わる)
                pass
        os._exit(code)


def _run(main) -> int:
    """main() を実行し、``python`` と同じ終了コードを返す: 例外なら
    トレースバックと 1、``sys.exit("文")`` なら文を標準エラーに書いて 1。"""
    try:
        main()
    except SystemExit as stop:
        if isinstance(stop.code, int):
            return stop.code
        if stop.code is not None:
            print(stop.code, file=sys.stderr)
            return 1
    except BaseException as error:
        # トレースバックは、実行したコードのフレームから(ここと main を除く。
        # ファイルの構文エラーなら、python と同じくトレースバックなし)
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code in (
            _run.__code__,
            main.__code__,
        ):
            tb = tb.tb_next
        error.__traceback__ = tb
        sys.excepthook(type(error), error, tb)
        return 1
    return 0


def _interactive_loop() -> None:
    """``python -i -q`` で標準入力を読むのと同じ(CPython の対話ループ
    ``PyRun_InteractiveLoopFlags`` そのもの)。プロンプトと例外は標準エラー、
    空行で複合文が終わる。"""
    hook = getattr(sys, "__interactivehook__", None)
    if hook is not None:  # readline の設定(python -i と同じ)
        try:
            hook()
        except Exception:
            print("Failed calling sys.__interactivehook__", file=sys.stderr)
            traceback.print_exc()
    loop = ctypes.pythonapi.PyRun_InteractiveLoopFlags
    loop.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    loop.restype = ctypes.c_int
    stdin = ctypes.c_void_p.in_dll(ctypes.CDLL(None), "stdin")
    loop(stdin, b"<stdin>", None)


def _file_child(request: dict) -> None:
    if request["idle"]:  # 依頼したスレッドと同じ優先度(standalone.parallel)
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    os.chdir(request["cwd"])
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    _stdio(
        os.open(request.get("stdin", os.devnull), os.O_RDONLY),
        os.open(request["stdout"], flags),
        os.open(request["stderr"], flags),
    )
    if "file" in request:  # python <ファイル>(ファイル名で)
        path = os.path.abspath(request["file"])
        sys.argv = [request["file"]]
        sys.path[0] = os.path.dirname(path)
        main = _fresh_main()
        main.__dict__.update(
            __file__=path,
            __cached__=None,
            __loader__=importlib.machinery.SourceFileLoader("__main__", path),
        )
        with open(path, "rb") as file:
            source = file.read()
        code = _run(lambda: exec(compile(source, path, "exec"), main.__dict__))
    elif "command" in request:  # python -c <文字列>
        sys.argv = ["-c"]
        sys.path[0] = ""
        main = _fresh_main()
        source = request["command"]
        code = _run(
            lambda: exec(compile(source, "<string>", "exec"), main.__dict__)
        )
    else:  # python -i -q(sys.exit() なら、その場で Python が終わる)
        sys.argv = [""]
        sys.path[0] = ""
        _fresh_main()
        code = _run(_interactive_loop)
    _exit(code)


def serve_files() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _file_child(request)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        print(json.dumps(os.waitstatus_to_exitcode(status)), flush=True)
    # python -i で起動していても対話モードに入らず、後片付けも待たない
    os._exit(0)


def _kernel_child(request: dict, fds: list[int], server: list) -> None:
    """``python -m ipykernel_launcher <argv>`` と同じ(launcher.py の標準
    入出力・作業ディレクトリ・環境変数・優先度で、新しいセッションとして)。"""
    for item in server:  # サーバーのソケットなどは持たない
        if isinstance(item, int):
            os.close(item)
        else:
            item.close()
    os.setsid()
    if request["idle"]:  # launcher と同じ優先度(standalone.parallel)
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    _stdio(*fds)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["-m", *request["argv"]]
    sys.path[0] = os.getcwd()
    _fresh_main()
    _exit(
        _run(
            lambda: runpy.run_module(
                "ipykernel_launcher", run_name="__main__", alter_sys=True
            )
        )
    )


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # 新しいセッションを作る前か、終わった後
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def serve_kernels(listen_fd: int) -> None:
    # ipykernel は import しておかない(import するときの環境変数を読む
    # ので、カーネルの環境変数で import する)
    listener = socket.socket(fileno=listen_fd)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, ("accept", None))
    selector.register(0, selectors.EVENT_READ, ("stop", None))
    kernels: dict[int, tuple[socket.socket, int]] = {}
    running = True
    while running:
        for key, _ in selector.select():
            what, pid = key.data
            if what == "accept":
                conn, _ = listener.accept()
                try:
                    data, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
                    request = json.loads(data)
                except (OSError, ValueError):
                    conn.close()
                    continue
                server = [listener, selector, conn]
                for other, pidfd in kernels.values():
                    server += [other, pidfd]
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    try:
                        _kernel_child(request, fds, server)
                    finally:
                        os._exit(1)
                for fd in fds:
                    os.close(fd)
                pidfd = os.pidfd_open(pid)
                kernels[pid] = (conn, pidfd)
                try:
                    conn.send(str(pid).encode())
                except OSError:
                    _kill_group(pid)
                selector.register(conn, selectors.EVENT_READ, ("conn", pid))
                selector.register(pidfd, selectors.EVENT_READ, ("exit", pid))
            elif what == "conn":  # launcher が終わった(kill された)
                conn = key.fileobj
                try:
                    alive = conn.recv(1)
                except OSError:
                    alive = b""
                if not alive:
                    selector.unregister(conn)
                    _kill_group(pid)
            elif what == "exit":
                conn, pidfd = kernels.pop(pid)
                _, status = os.waitpid(pid, 0)
                selector.unregister(pidfd)
                os.close(pidfd)
                try:
                    conn.send(str(os.waitstatus_to_exitcode(status)).encode())
                except OSError:
                    pass
                if conn.fileno() in selector.get_map():
                    selector.unregister(conn)
                conn.close()
            elif not os.read(0, 1 << 16):  # 標準入力が閉じた
                running = False
    for pid in kernels:
        _kill_group(pid)
        os.waitpid(pid, 0)
    os._exit(0)  # 後片付け(TensorFlow など)を待たない


if __name__ == "__main__":
    if sys.argv[1] == "files":
        serve_files()
    else:
        serve_kernels(int(sys.argv[2]))
