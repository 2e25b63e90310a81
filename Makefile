# 使い方は README.md を参照。どのターゲットも .venv を必要に応じて自動で作る。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
JOBS   ?= auto
BUILDDIR ?= _build
SPHINXOPTS ?=
# 編集中の src/ を、インストール済みのものより優先して import する
export PYTHONPATH := $(CURDIR)/src
export DOCS_BUILDDIR := $(abspath $(BUILDDIR))

.PHONY: docs test browser-test hosted-test lint format clean venv serve page test-page new-page bench

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 以上が必要です"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

## サイトをビルドする($(BUILDDIR)/html)
docs: $(STAMP)
	$(BIN)/sphinx-build -b html -c . -nW --keep-going -j $(JOBS) $(SPHINXOPTS) docs $(BUILDDIR)/html

## テストを実行する(ブラウザテストは browser-test で別に実行する)。
## SHARD=1/2 と SHARD=2/2 で、スニペットを 2 台に分けて実行できる(実行記録は
## $(BUILDDIR)/records/ に内容と環境で決まる名前で残るので、集めれば
## make docs は何も実行しない)
## 続けて、記録のあるスニペットを別のプロセスでもう一度実行し、出力が
## 変わらないことを確かめる(VERIFY 秒の予算の中で、速いものから)
VERIFY ?= 60
test: $(STAMP)
	$(BIN)/python -m pytest --ignore=tests/browser --ignore=tests/hosted \
	  $(if $(SHARD),--shard=$(SHARD)) $(ARGS)
	$(BIN)/python -m snippet_pipeline.executor --verify $(VERIFY) $(if $(SHARD),--shard=$(SHARD))

## Read the Docs のビルドを新しいクローンで再現して確かめる(make docs の後で)
hosted-test: docs
	$(BIN)/python -m pytest tests/hosted $(ARGS)

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
	  -D suppress_warnings=toc.excluded,toc.not_readable,toc.not_included,myst.xref_missing \
	  $(SPHINXOPTS) docs $(BUILDDIR)/page/html
	@echo "→ $(BUILDDIR)/page/html/$(PAGE_DOC:.md=.html)"

## 1 ページ分のテストだけを実行する: make test-page PAGE=docs/…/autograd.md
## (そのページのスニペットの実行と docstring、内容のテスト
## tests/<部>/…/test_<ページ>.py、ページ中の例)
PAGE_SNIPPETS = src/snippets/$(PAGE_DOC:.md=)
PAGE_TESTS = tests/$(dir $(PAGE_DOC))test_$(notdir $(PAGE_DOC:.md=.py))
test-page: $(STAMP)
	@test -f "$(PAGE)" || { echo "PAGE=docs/…/ページ.md を指定してください" >&2; exit 2; }
	$(BIN)/python -m pytest tests/test_snippets_run.py -k "$(PAGE_DOC:.md=)/" \
	  $(wildcard $(PAGE_SNIPPETS) $(PAGE_TESTS)) $(PAGE) $(ARGS)

## 新しいページのひな形を作る: make new-page PAGE=docs/practice/foo.md TITLE=題
## (ページ・スニペット・テストの 3 つを作り、目次に加える)
new-page: $(STAMP)
	$(BIN)/python -m snippet_pipeline.scaffold "$(PAGE)" $(if $(TITLE),--title "$(TITLE)")

## ビルドとテストの時間・メモリ・決定性を測る(bench/results.{json,md})
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

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
