"""myst-nb のカーネルを、毎回同じ・静かな環境で動かす。

カーネルは Sphinx のプロセスの環境変数を引き継ぐので、ここで設定する。

- TensorFlow の oneDNN や INFO/WARNING のログをセル出力に出さない。
- ``PYTHONHASHSEED`` を固定し、出力を毎回同じにする。
- IPython の設定ディレクトリをビルドディレクトリ内の専用のものにする。
  利用者の ~/.ipython の起動スクリプトに結果が左右されず、履歴も残さず、
  ipykernel の起動時の警告(TCP の暗号化について)もログに出さない。
"""

import os
from pathlib import Path

_KERNEL_CONFIG = """\
c.IPKernelApp.log_level = "ERROR"
c.HistoryManager.enabled = False
"""


def setup(app):
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    ipython_dir = Path(app.config.nb_execution_cache_path).parent / "ipython"
    profile = ipython_dir / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(_KERNEL_CONFIG)
    os.environ["IPYTHONDIR"] = str(ipython_dir)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
