"""新しいページのひな形を作る: ``make new-page PAGE=docs/<部>/<名前>.md``。

作るもの(このあと書き換えるのは、この 3 つだけ):

- ``docs/<部>/<名前>.md``: 決まった冒頭(この章で学ぶこと、前提)と、
  スニペットを 1 つ載せるディレクティブ
- ``src/snippets/<部>/<名前>/example.py``: スニペット(と空の ``__init__.py``)
- ``tests/<部>/test_<名前>.py``: スニペットが教えることを確かめるテスト

あわせて、同じフォルダの ``index.md`` の目次にページを加える。
"""

import argparse
import re
import sys
from pathlib import Path

from .markers import ROOT

PAGE = """\
# {title}

:::{{admonition}} この章で学ぶこと
:class: tip
- (このページで身につくことを 2〜4 行で)
:::

:::{{admonition}} 前提
(先に読んでおくページへのリンク)
:::

## 最初の例

```{{snippet}} {snippet}
```
"""

SNIPPET = '''\
"""(このスニペットが見せること)。"""

import torch

x = torch.arange(6).reshape(2, 3)
print(x.sum(dim=0))
'''

TEST = '''\
"""{page} のテスト。"""

import torch


def test_example(snippet):
    ns = snippet("{name}")
    assert torch.equal(ns["x"].sum(dim=0), torch.tensor([3, 5, 7]))
'''


def create(page: Path, title: str) -> list[Path]:
    rel = page.resolve().relative_to(ROOT / "docs")
    stem = rel.with_suffix("")
    if not all(part.isidentifier() for part in stem.parts):
        raise SystemExit(f"{rel}: フォルダ名とファイル名は Python の識別子に")
    snippet = ROOT / "src" / "snippets" / stem / "example.py"
    test = ROOT / "tests" / rel.parent / f"test_{stem.name}.py"
    for path in (page, snippet, test):
        if path.exists():
            raise SystemExit(f"{path.relative_to(ROOT)} はもうあります")
    snippet.parent.mkdir(parents=True)
    (snippet.parent / "__init__.py").touch()
    snippet.write_text(SNIPPET, encoding="utf-8")
    page.write_text(
        PAGE.format(title=title, snippet=f"{stem}/example.py"),
        encoding="utf-8",
    )
    test.parent.mkdir(parents=True, exist_ok=True)
    test.write_text(
        TEST.format(page=f"docs/{rel}", name=f"{stem}/example"),
        encoding="utf-8",
    )
    index = page.parent / "index.md"
    if index.is_file():
        text = index.read_text(encoding="utf-8")
        toc = re.search(r"```\{toctree\}\n(?:.*\n)*?(?=```)", text)
        if toc:
            end = toc.end()
            text = text[:end] + f"{stem.name}\n" + text[end:]
            index.write_text(text, encoding="utf-8")
    return [page, snippet, test]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-page")
    parser.add_argument("page", type=Path, help="docs/<部>/<名前>.md")
    parser.add_argument("--title", default="(ページの題)")
    args = parser.parse_args(argv)
    for path in create(args.page.resolve(), args.title):
        print(f"作りました: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
