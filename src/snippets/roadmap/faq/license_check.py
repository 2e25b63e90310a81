"""インストールしたパッケージのライセンスをメタデータで確かめる。

企業で導入するときは、使うパッケージのライセンスを一覧にしておく。
``importlib.metadata`` で、インストール済みパッケージの
``License-Expression``(SPDX 形式)や ``License`` の欄を読める。torch の
欄には、PyTorch 本体(BSD-3-Clause)に加えて、同梱しているライブラリの
ライセンスも並ぶ。
"""

from importlib.metadata import PackageNotFoundError, metadata

licenses = {}
for name in ["torch", "numpy", "onnxruntime", "tensorboard", "torchinfo"]:
    try:
        meta = metadata(name)
    except PackageNotFoundError:
        continue
    text = meta["License-Expression"] or meta["License"]
    licenses[name] = text or "(記載なし)"
    print(f"{name} {meta['Version']}: {licenses[name]}")
