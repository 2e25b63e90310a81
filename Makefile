# 使い方は README.md を参照。どのターゲットも .venv を必要に応じて自動で作る。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# 依存はすべて requirements.lock(make lock で作る)から uv で入れる。
# uv の版はここだけで固定する。
UV_VERSION := 0.13.9
LOCK   := requirements.lock
# lock・pyproject.toml・uv の版のどれかが変われば入れ直す
STAMP  := $(VENV)/.installed-$(shell { cat pyproject.toml $(LOCK) 2>/dev/null; echo $(UV_VERSION); } | cksum | cut -d' ' -f1)
JOBS   ?= auto
BUILDDIR ?= _build
# サイトの出力先(Read the Docs では $READTHEDOCS_OUTPUT/html を指定する)
HTMLDIR ?= $(BUILDDIR)/html
# pip の設定(pip config)にある find-links と追加の索引を uv にも渡す
# (uv は pip の設定を読まない)。pip の設定がない所(Read the Docs など)では
# make docs EXTRA_INDEX_URL=https://… のように与える。環境変数の
# PIP_EXTRA_INDEX_URL・UV_EXTRA_INDEX_URL も使う。必要なときだけ評価する。
FIND_LINKS ?=
EXTRA_INDEX_URL ?=
PIP_CONFIG_FIND_LINKS = $(shell $(PYTHON) -m pip config get global.find-links 2>/dev/null)
PIP_CONFIG_EXTRA_INDEX = $(shell $(PYTHON) -m pip config get global.extra-index-url 2>/dev/null)
UV_INDEX_ARGS = --index-strategy unsafe-best-match \
  $(foreach d,$(PIP_CONFIG_FIND_LINKS) $(FIND_LINKS),--find-links $(d)) \
  $(foreach u,$(PIP_CONFIG_EXTRA_INDEX) $(EXTRA_INDEX_URL) $(PIP_EXTRA_INDEX_URL),--extra-index-url $(u))
SPHINXOPTS ?=
# 編集中の src/ を、インストール済みのものより優先して import する
export PYTHONPATH := $(CURDIR)/src
export DOCS_BUILDDIR := $(abspath $(BUILDDIR))

.PHONY: chromium docs test browser-test hosted-test reader-test lint format clean venv lock serve page test-page new-page bench gpu-record gpu-deps

venv: $(STAMP)

# .venv を作り、uv を pip で入れ、lock どおりに入れてから、このプロジェクト
# 自身を依存なしで入れる。uv が失敗すればそこで止まる(pip には切り替えない)。
# --compile-bytecode: .pyc をインストール時に作る(PYTHONDONTWRITEBYTECODE の
# 環境でも、torch や TensorFlow の import のたびにコンパイルし直さない)。
# 印のファイル名が lock と pyproject.toml の内容で決まるので、ファイルの
# 日時は見ない(新しいクローンから .venv を共有しても入れ直さない)。
$(STAMP):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 以上が必要です"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv==$(UV_VERSION)'
	$(BIN)/uv pip install --python $(BIN)/python --compile-bytecode \
	  $(UV_INDEX_ARGS) -r $(LOCK)
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

## requirements.lock を作り直す(pyproject.toml の固定を変えたあとに実行する)
## 推移的な依存まですべてを name==version で固定する。torch を CPU 版に
## するため、pip の設定がない所では EXTRA_INDEX_URL に PyTorch の CPU 用
## 索引を与える(CUDA 版の nvidia-* が入れば tests/test_lock.py が失敗する)。
lock:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 以上が必要です"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv==$(UV_VERSION)'
	{ printf '%s\n' \
	    '# このファイルは make lock で作る。手で編集しない。' \
	    '# pyproject.toml の固定(dependencies と dev)から、推移的な依存まで' \
	    '# すべてを uv pip compile で解決したもの(Python 3.11)。' \
	    '# 作り直すには: make lock' ; \
	  $(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
	    --no-header --quiet $(UV_INDEX_ARGS) ; } > $(LOCK).tmp
	mv $(LOCK).tmp $(LOCK)

## 図と数式を SVG にする Chromium を用意する。システムの Chromium(環境変数
## CHROMIUM、PATH の chromium、/usr/bin/chromium)があれば何もしない。なければ
## Playwright の Chromium(headless shell)を入れる(ネットワークが要る。
## Read the Docs で使う。.readthedocs.yaml)
chromium: $(STAMP)
	@if $(BIN)/python -c 'import sys; from snippet_pipeline.mermaid_local import find_chromium as f; sys.exit(f() is None)'; \
	then echo "システムの Chromium を使います"; \
	else $(BIN)/python -m playwright install chromium-headless-shell; fi

## サイトをビルドする($(HTMLDIR)。既定は $(BUILDDIR)/html)
docs: $(STAMP)
	$(BIN)/sphinx-build -b html -c . -nW --keep-going -j $(JOBS) $(SPHINXOPTS) docs $(HTMLDIR)

## テストを実行する(ブラウザテストは browser-test で別に実行する)。
## SHARD=1/2 と SHARD=2/2 で、スニペットを 2 台に分けて実行できる(実行記録は
## $(BUILDDIR)/records/ に内容と環境で決まる名前で残るので、集めれば
## make docs は何も実行しない)
test: $(STAMP)
	$(BIN)/python -m pytest --ignore=tests/browser --ignore=tests/hosted \
	  --ignore=tests/reader \
	  --durations=10 $(if $(SHARD),--shard=$(SHARD)) $(ARGS)

## Read the Docs のビルドを新しいクローンで、記録のない状態から再現し、
## 公開されるページと記録が、テストの検証したものと同じことを確かめる
## (make test と make docs の後で。出力が実行ごとに変わるスニペットもここで分かる)
hosted-test: docs
	$(BIN)/python -m pytest tests/hosted $(ARGS)

## 読者の環境で確かめる(サイトを作り直してから): コピーボタンが写すコードを
## 空のフォルダで単独で実行し、ページと同じ出力になること、ダウンロードの
## ノートブックが新しいカーネルで上から順に動くこと(tests/reader)
reader-test: docs
	$(BIN)/python -m pytest tests/reader $(ARGS)

## ブラウザテストだけを実行する(サイトを作り直してから)
browser-test: docs
	$(BIN)/python -m pytest tests/browser $(ARGS)

## 編集しながら確かめる: 変更を見て再ビルドし、ブラウザを自動で再読み込みする
## (http://127.0.0.1:$(PORT)/。スニペット・拡張・conf.py の変更も拾う)
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/sphinx-autobuild -b html -c . -n --keep-going -j $(JOBS) \
	  --port $(PORT) --watch src --watch conf.py \
	  --ignore '*/__pycache__/*' --ignore '*/.ipynb_checkpoints/*' \
	  $(SPHINXOPTS) docs $(BUILDDIR)/html

## 1 ページだけをビルドする: make page PAGE=docs/practice/pytorch_intro/autograd.md
## 出力は $(BUILDDIR)/page/html/。実行キャッシュは make docs と共有するので、
## 変えていないページは再実行しない。ほかのページへのリンクは(そのページを
## 読まないので)確かめない。それ以外の警告はエラー。全体の確認は make docs で。
PAGE_DOC = $(patsubst docs/%,%,$(PAGE))
page: $(STAMP)
	@test -n "$(PAGE)" || { echo 'PAGE=docs/…/ページ.md を指定してください' >&2; exit 2; }
	@test -f "$(PAGE)" || { echo "$(PAGE) がありません" >&2; exit 2; }
	$(BIN)/sphinx-build -b html -c . -nW --keep-going \
	  -D include_patterns=index.md,$(PAGE_DOC) \
	  -D suppress_warnings=toc.excluded,toc.not_readable,toc.not_included,myst.xref_missing,ref.doc,ref.ref \
	  $(SPHINXOPTS) docs $(BUILDDIR)/page/html
	@echo "→ $(BUILDDIR)/page/html/$(PAGE_DOC:.md=.html)"

## 1 ページ分のテストだけを実行する: make test-page PAGE=docs/…/autograd.md
## (そのページのスニペットの実行と docstring、内容のテスト
## tests/<部>/…/test_<ページ>.py、ページ中の例)
PAGE_SNIPPETS = src/snippets/$(PAGE_DOC:.md=)
PAGE_TESTS = tests/$(dir $(PAGE_DOC))test_$(notdir $(PAGE_DOC:.md=.py))
test-page: $(STAMP)
	@test -f "$(PAGE)" || { echo "PAGE=docs/…/ページ.md を指定してください" >&2; exit 2; }
	$(BIN)/python -m pytest tests/test_snippets_run.py -k "$(PAGE_DOC:.md=)/" $(ARGS)
	$(BIN)/python -m pytest $(wildcard $(PAGE_SNIPPETS) $(PAGE_TESTS)) $(PAGE) $(ARGS)

## 新しいページのひな形を作る: make new-page PAGE=docs/practice/foo.md TITLE=題
## (ページ・スニペット・テストの 3 つを作り、目次に加える)
new-page: $(STAMP)
	$(BIN)/python -m snippet_pipeline.scaffold "$(PAGE)" $(if $(TITLE),--title "$(TITLE)")

## ビルドとテストの時間・メモリ・決定性を測る(bench/results.{json,md})
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## GPU のある機械で: CUDA のスニペット(# requires: cuda)をそれぞれ新しい
## プロセスで実行し、そのテストも実行して、テストが通ったものの記録を
## スニペットの隣(<名前>.gpu.json)に書く(リポジトリに入れる)。
## .venv は使わず、その機械の $(PYTHON)(CUDA 版の torch を持つもの)で動く。
## 必要なのは torch・pytest・scikit-learn だけ。一部だけなら
## make gpu-record GPU_SNIPPETS="reference/cuda/mixed_device_error"
GPU_SNIPPETS ?=
gpu-record:
	$(PYTHON) -m snippet_pipeline.gpu_records $(GPU_SNIPPETS)

## make gpu-record を実行する機械に pytest がなく、入れられないとき: 純 Python
## の pytest 一式を .venv から $(BUILDDIR)/gpu-deps に写す(その機械へ持っていく。
## pytest がなければ make gpu-record がここから読み込む)
GPU_DEPS := pytest _pytest pluggy iniconfig packaging pygments py.py pytest_timeout.py
GPU_DISTS := pytest pluggy iniconfig packaging pygments pytest_timeout
gpu-deps: $(STAMP)
	rm -rf $(BUILDDIR)/gpu-deps
	mkdir -p $(BUILDDIR)/gpu-deps
	site=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  cd $$site && cp -r $(GPU_DEPS) $(foreach d,$(GPU_DISTS),$(d)-*.dist-info) $(abspath $(BUILDDIR))/gpu-deps/
	find $(BUILDDIR)/gpu-deps -name __pycache__ -prune -exec rm -rf {} +
	du -sh $(BUILDDIR)/gpu-deps

clean:
	rm -rf $(BUILDDIR)

LINT_PATHS := src examples tests conf.py conftest.py bench

## ruff で静的検査と書式の確認をする
lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

## ruff で書式を整える
format: $(STAMP)
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)
