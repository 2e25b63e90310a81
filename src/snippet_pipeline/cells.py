"""ページのコードセル: ``{snippet}`` と ``{snippet-pair}`` ディレクティブ。

ページには、スニペットのパス(``src/snippets/`` からの相対)だけを書く::

    ```{snippet} practice/techniques/save_load/full_model_pitfall.py
    ```

    ```{snippet-pair} practice/techniques/save_load/save_load
    ```

``snippet-pair`` は ``<名前>_torch.py`` と ``<名前>_keras.py``(または
``_tf.py``)を、サイト全体で同期するタブに並べる。コードの下には、
実行記録(executor が書いたもの)の出力を表示する。GPU・想定どおりの例外・
非決定的といった事実はスニペットのマーカーから導く(ページには書かない)。

オプション: ``:hide-input:``(コードを折りたたむ)、``:hide-output:``
(出力を折りたたむ)、``:remove-input:``(出力だけを表示する)。

図(PNG の出力)を出すスニペットには、``:alt:``(何を示す図かを文章で)と
``:caption:``(図の見出し)が要る。2 枚目からは ``:alt-2:``・``:caption-2:``
のように番号を付ける。ないとビルドの警告(``-W`` なのでエラー)になる。
"""

import base64
import hashlib
import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import gpu_records, records
from .equivalence import pair_note
from .markers import SNIPPETS, Snippet
from .page_store import PageStore
from .pages import pair

logger = logging.getLogger(__name__)

_FLAGS = {
    "hide-input": directives.flag,
    "hide-output": directives.flag,
    "remove-input": directives.flag,
}
# 図の説明と見出し(1 枚目は :alt: と :caption:、n 枚目は :alt-n: と
# :caption-n:)
_FIGURE_OPTIONS = {
    f"{name}{suffix}": directives.unchanged
    for name in ("alt", "caption")
    for suffix in ("", *(f"-{n}" for n in range(2, 10)))
}


#: docname → そのページに載せたスニペットの id(出現順)
USED = PageStore("snippet_pages")


def _used(env) -> dict[str, list[str]]:
    return USED.of(env)


class SnippetDirective(SphinxDirective):
    """1 つのスニペットのコードと、その実行記録の出力。"""

    required_arguments = 1
    option_spec = {**_FLAGS, **_FIGURE_OPTIONS}

    def run(self) -> list[nodes.Node]:
        snippet = self.snippet(self.arguments[0])
        if snippet is None:
            return []
        return [self.cell(snippet, self.options)]

    def snippet(self, name: str) -> Snippet | None:
        snippet = Snippet(SNIPPETS / name)
        self.env.note_dependency(str(snippet.path))
        if not snippet.path.is_file():
            logger.warning(
                "スニペットが見つかりません: src/snippets/%s",
                name,
                location=self.get_location(),
                type="snippet",
                subtype="missing",
            )
            return None
        _used(self.env).setdefault(self.env.docname, []).append(snippet.id)
        return snippet

    def cell(self, snippet: Snippet, options: dict) -> nodes.container:
        classes = ["cell"] + [f"tag_{t}" for t in snippet.tags]
        cell = nodes.container(classes=classes, snippet=snippet.id)
        if snippet.requires_cuda:
            cell.append(_gpu_note(self.env.app, snippet))
        if "remove-input" not in options:
            code = nodes.literal_block(
                snippet.source, snippet.source, language="python"
            )
            self.set_source_info(code)
            box = nodes.container("", code, classes=["cell_input"])
            if "hide-input" in options:
                box = _hidden(box, "コード", "above-input")
            cell.append(box)
            cell.append(self.download(snippet))
        outputs = self.outputs(snippet)
        if outputs is not None:
            if "hide-output" in options:
                outputs = _hidden(outputs, "出力", "below-input")
            cell.append(outputs)
        return cell

    def download(self, snippet: Snippet) -> nodes.paragraph:
        """スニペットのファイルそのものをダウンロードするリンク。"""
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        name = snippet.path.name
        link = addnodes.download_reference(
            "",
            "",
            nodes.literal(name, name),
            reftarget=os.path.relpath(snippet.path, page_dir),
            refdoc=self.env.docname,
            refexplicit=True,
            reftype="download",
            refdomain="",
        )
        text = " をダウンロード"
        return nodes.paragraph(
            "", "", link, nodes.Text(text), classes=["snippet-download"]
        )

    def outputs(self, snippet: Snippet) -> nodes.container | None:
        if snippet.helper_of:  # 部品は単独では実行しない(コードだけを載せる)
            return None
        app = self.env.app
        failure = getattr(app, "snippet_failures", {}).get(snippet.sha256)
        record = records.load(snippet)
        if failure is not None:
            where = snippet.relpath
            if failure["line"]:
                where += f":{failure['line']}"
            logger.warning(
                "スニペットの実行に失敗しました(ページ %s): %s",
                self.env.doc2path(self.env.docname, base=False),
                failure["message"],
                location=where,
                type="snippet",
                subtype="failed",
            )
            items = failure["outputs"]
        elif record is not None:
            items = record["outputs"]
        elif not snippet.runnable_here:
            return self.gpu_record(snippet)
        else:
            logger.warning(
                "実行記録がありません(ビルド中に編集されましたか): %s",
                snippet.relpath,
                location=self.get_location(),
                type="snippet",
                subtype="record",
            )
            return None
        box = nodes.container(classes=["cell_output"])
        self.figures = 0
        for item in items:
            box.extend(self.render(item))
        return box if box.children else None

    def gpu_record(self, snippet: Snippet) -> nodes.container | None:
        """GPU のない環境: GPU で実行した記録(いまの内容のもの)の出力を、
        どこで実行したかのラベルの下に表示する。古い記録は表示しない。
        """
        record = gpu_records.load(snippet)
        if record is None:
            return None
        path = gpu_records.record_path(snippet)
        self.env.note_dependency(str(path))  # 記録を作り直せば読み直す
        if not gpu_records.is_current(record, snippet):
            logger.info(
                "[snippet] 古い GPU の記録: %s: %s",
                snippet.id,
                gpu_records.status(snippet),
            )
            return None
        box = nodes.container(classes=["cell_output"])
        for item in gpu_records.outputs(record):
            box.extend(self.render(item))
        text = gpu_records.label(record)
        label = nodes.paragraph(text, text, classes=["gpu-record-label"])
        return nodes.container("", label, box, classes=["gpu-record"])

    def render(self, item: dict) -> list[nodes.Node]:
        kind = item["output_type"]
        if kind == "stream":
            text = item["text"]
            classes = ["output", "stream"]
            if item["name"] == "stderr":
                classes.append("stderr")
            return [
                nodes.literal_block(
                    text, text, classes=classes, language="myst-ansi"
                )
            ]
        if kind == "error":
            text = "\n".join(line.rstrip("\n") for line in item["traceback"])
            return [
                nodes.literal_block(
                    text,
                    text,
                    classes=["output", "traceback"],
                    language="ipythontb",
                )
            ]
        data = item.get("data", {})
        if "image/png" in data:
            self.figures += 1
            image = self.image(base64.b64decode(data["image/png"]))
            return [self.figure(image, self.figures)]
        text = data.get("text/plain", "")
        return [
            nodes.literal_block(
                text, text, classes=["output", "text_plain"], language="none"
            )
        ]

    def image(self, png: bytes) -> nodes.image:
        """記録の PNG をビルドディレクトリに書き、ページから参照する。"""
        folder = records.build_dir() / "snippet-images"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{hashlib.sha256(png).hexdigest()[:20]}.png"
        if not path.is_file():
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(png)
            tmp.replace(path)
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        uri = os.path.relpath(path, page_dir)
        return nodes.image(uri=uri, classes=["output", "image_png"])

    def figure(self, image: nodes.image, n: int) -> nodes.figure:
        """図に、ページに書いた説明(alt)と見出し(キャプション)を付ける。"""
        suffix = "" if n == 1 else f"-{n}"
        alt = (self.options.get(f"alt{suffix}") or "").strip()
        caption = (self.options.get(f"caption{suffix}") or "").strip()
        if not alt or not caption:
            logger.warning(
                "%d 枚目の図に :alt%s:(何を示す図か)と :caption%s:(図の"
                "見出し)を書いてください: %s",
                n,
                suffix,
                suffix,
                self.arguments[0],
                location=self.get_location(),
                type="snippet",
                subtype="figure",
            )
        image["alt"] = alt
        figure = nodes.figure("", image, classes=["snippet-figure"])
        if caption:
            figure += nodes.caption(caption, caption)
        return figure


def _option_lines(options: dict) -> list[str]:
    return [
        f":{name}:" if value is None else f":{name}: {value}"
        for name, value in options.items()
    ]


class SnippetPairDirective(SnippetDirective):
    """PyTorch と Keras の対になるスニペットを、同期するタブに並べる。"""

    def run(self) -> list[nodes.Node]:
        torch, keras = (s.id + ".py" for s in pair(self.arguments[0]))
        text = [
            "::::{tab-set}",
            ":sync-group: framework",
            "",
            ":::{tab-item} PyTorch",
            ":sync: pytorch",
            f"```{{snippet}} {torch}",
            *_option_lines(self.options),
            "```",
            ":::",
            "",
            ":::{tab-item} TensorFlow/Keras",
            ":sync: keras",
            f"```{{snippet}} {keras}",
            *_option_lines(self.options),
            "```",
            ":::",
            "::::",
        ]
        box = nodes.container(classes=["snippet-pair"])
        source, line = self.get_source_info()
        self.state.nested_parse(
            StringList(text, source=source), self.content_offset, box
        )
        # 同等性を検証したか(付録の対応表の行へのリンク)を、タブの下に書く
        return [*box.children, pair_note(self, self.arguments[0])]


class SnippetPartDirective(SphinxDirective):
    """このページに載せたスニペットの 1 区間(``# ---- 見出し ----`` から
    次の区間の前まで)を、長いプログラムを順に説明するために表示する。
    """

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        marker = f"# ---- {self.arguments[0]} ----"
        for name in _used(self.env).get(self.env.docname, []):
            lines = Snippet.from_id(name).source.splitlines()
            if marker in lines:
                start = lines.index(marker) + 1
                end = next(
                    (
                        i
                        for i in range(start, len(lines))
                        if lines[i].startswith("# ---- ")
                    ),
                    len(lines),
                )
                code = "\n".join(lines[start:end]).strip("\n")
                # 1 区間だけでは動かないので、コピーボタンは付けない
                # (同じページの全体のコードからコピーする)
                block = nodes.literal_block(
                    code, code, language="python", classes=["snippet-step"]
                )
                self.set_source_info(block)
                return [block]
        logger.warning(
            "このページのスニペットに区間 `%s` がありません"
            "(全体を先に {snippet} で載せてください)",
            marker,
            location=self.get_location(),
            type="snippet",
            subtype="missing",
        )
        return []


def _hidden(node: nodes.Element, what: str, where: str) -> HideCodeCellNode:
    hidden = HideCodeCellNode(
        prompt_show=f"{what}を表示", prompt_hide=f"{what}を隠す"
    )
    hidden["classes"].append(where)
    hidden.append(node)
    return hidden


def _gpu_note(app, snippet: Snippet) -> nodes.container:
    note = "CUDA GPU で実行しました。"
    if not snippet.runnable_here:
        note = _gpu_note_without_gpu(snippet)
    badge = nodes.inline("", "GPU が必要", classes=["sd-badge", "gpu-badge"])
    para = nodes.paragraph("", "", badge, nodes.Text(" " + note))
    return nodes.container("", para, classes=["gpu-note"])


def _gpu_note_without_gpu(snippet: Snippet) -> str:
    """GPU のないビルド: なぜ実行していないかと、GPU で実行した記録の状態。"""
    here = "このビルド環境には CUDA GPU がないため、このコードは実行して"
    record = gpu_records.load(snippet)
    if snippet.helper_of:
        return here + "いません。"
    if record is None:
        return (
            here + "いません。このコードはまだ GPU で実行していません"
            "(GPU で実行した記録がありません)。"
        )
    if gpu_records.is_current(record, snippet):
        return (
            here + "いません。下の出力は、いまのコードを GPU で実行した"
            "記録です。"
        )
    return (
        here + f"いません。GPU で実行した記録({record['date']}、"
        f"{record['gpu']}・torch {record['torch']})は、内容の sha256 が "
        f"{record['sha256'][:12]}… の古い版のコードのもので、いまのコードとは"
        "違うため表示しません。いまのコードはまだ GPU で実行していません。"
    )


def gpu_pages_to_reread(app, env, added, changed, removed) -> list[str]:
    """GPU のない環境で、記録のなかったスニペットに記録ができたページ
    (記録は、あるときだけ依存として登録するので)。
    """
    found = []
    for docname, ids in getattr(env, "snippet_pages", {}).items():
        noted = {str(p) for p in env.dependencies.get(docname, ())}
        for name in ids:
            snippet = Snippet.from_id(name)
            if not snippet.path.is_file() or snippet.runnable_here:
                continue
            path = gpu_records.record_path(snippet)
            if path.is_file() and str(path) not in noted:
                found.append(docname)
                break
    return found


def keep_blank_lines(app, config) -> None:
    """出力は記録の文字列そのままに表示する。出力の字句解析器(myst-ansi)は
    既定で先頭と末尾の空行を落とすが、読者の実行では空行も出る。
    """
    config.highlight_options.setdefault("myst-ansi", {})["stripnl"] = False


def setup(app) -> None:
    app.connect("config-inited", keep_blank_lines)
    app.add_directive("snippet", SnippetDirective)
    app.add_directive("snippet-pair", SnippetPairDirective)
    app.add_directive("snippet-part", SnippetPartDirective)
    USED.connect(app)
    app.connect("env-get-outdated", gpu_pages_to_reread)
