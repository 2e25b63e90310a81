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

.PHONY: docs test browser-test lint format clean venv

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

## テストを実行する
test: $(STAMP)
	$(BIN)/python -m pytest $(ARGS)

## ブラウザテストだけを実行する(サイトを作り直してから)
browser-test: docs
	$(BIN)/python -m pytest tests/browser $(ARGS)

clean:
	rm -rf $(BUILDDIR)

LINT_PATHS := src examples tests docs/_ext conf.py conftest.py

## ruff で静的検査と書式の確認をする
lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

## ruff で書式を整える
format: $(STAMP)
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)
