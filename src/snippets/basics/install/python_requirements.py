"""インストール済みパッケージが要求する Python のバージョンを調べる。

パッケージのメタデータの ``Requires-Python`` には、そのパッケージが
対応する Python のバージョンが書かれている。このサイトで使う torch、
tensorflow-cpu、keras のうち、いちばん厳しい条件がこのサイトの条件になる。
"""

import sys
from importlib.metadata import PackageNotFoundError, metadata

requirements = {}
for name in ["torch", "tensorflow-cpu", "keras"]:
    try:
        meta = metadata(name)
    except PackageNotFoundError:
        print(f"{name}: インストールされていません")
        continue
    requirements[name] = meta["Requires-Python"]
    print(f"{name} {meta['Version']}: Requires-Python {requirements[name]}")

print(f"\nいま動いている Python: {sys.version.split()[0]}")
