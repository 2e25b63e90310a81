"""このサイトをビルドした環境のバージョンとマシン情報を表示する。

ページに載っている出力は、すべてこの環境で実行して得たもの。手元の環境と
比べるときは、同じコードを実行してみるとよい。
"""

# nondeterministic: インストールされたバージョンと機械の情報を表示する

import os
import platform
from importlib import metadata

import torch

impl = platform.python_implementation()
print(f"Python      : {platform.python_version()} ({impl})")
print(f"OS          : {platform.system()} {platform.release()}")
print(f"CPU         : {platform.machine()}, 論理コア数 {os.cpu_count()}")
print(f"torch スレッド数: {torch.get_num_threads()}")
print(f"CUDA 利用可 : {torch.cuda.is_available()}")
print()
packages = [
    "torch",
    "tensorflow-cpu",
    "keras",
    "numpy",
    "scikit-learn",
    "matplotlib",
    "onnx",
    "onnxruntime",
    "tensorboard",
    "torchinfo",
]
for name in packages:
    try:
        print(f"{name:<14}: {metadata.version(name)}")
    except metadata.PackageNotFoundError:
        print(f"{name:<14}: (未インストール)")
