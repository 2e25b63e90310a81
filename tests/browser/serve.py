"""ビルド済みサイトを、ホスティングと同じように配信する(ブラウザテスト用)。

``python serve.py <サイトのディレクトリ>`` で 127.0.0.1 の空いているポートに
配信し、ポート番号を 1 行だけ標準出力に書く。ないパスには、Read the Docs
などのホスティングと同じく、サイトの 404.html を状態 404 で返す(どの深さの
パスでも同じ 404.html。相対パスは要求したパスから解決されるので、404 ページ
のリンクと CSS が深いパスでも働くかを確かめられる)。

テストのプロセスの中のスレッドではなく別のプロセスで動かす。テストが fork
する(DataLoader のワーカーなど)とき、配信のスレッドごと複製されて固まる
ことがない。
"""

import functools
import http.server
import sys
from http import HTTPStatus
from pathlib import Path


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def main() -> None:
    handler = functools.partial(Handler, directory=sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
