# The two commands of esgraf (see README):
#   make serve   set up, load the sample corpus into the embedded store, serve the site on 127.0.0.1:5000
#                (PORT=5001 for another port)
#   make test    set up (Python packages, Debian's Chromium for the browser tests) and run the whole test suite
# Everything else is the `esgraf` command inside .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: serve test setup chromium bench clean

# `make serve PORT=5001` listens on another port (as does ESGRAF_PORT=5001 in the environment)
serve: $(STAMP)
	$(BIN)/esgraf serve $(if $(PORT),--port $(PORT))

test: $(STAMP) chromium
	$(BIN)/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# The browser tests drive Debian's Chromium; as root we install it, otherwise those tests say why they skip.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "note: /usr/bin/chromium is missing (apt-get install chromium); browser tests will be skipped"; fi

bench: $(STAMP)
	$(BIN)/esgraf bench

clean:
	rm -rf $(VENV) var .pytest_cache
