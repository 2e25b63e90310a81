# 使い方は README.md を参照。どのターゲットも .venv を必要に応じて自動で作る。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
JOBS   ?= auto
SPHINXOPTS ?=

.PHONY: docs test clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 以上が必要です"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

## サイトをビルドする(_build/html)
docs: $(STAMP)
	$(BIN)/sphinx-build -b html -c . -nW --keep-going -j $(JOBS) $(SPHINXOPTS) docs _build/html

## テストを実行する
test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf _build
