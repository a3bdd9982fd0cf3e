# Convenience targets; each calls a script that installs what it needs.
.PHONY: run test bench build install

run:
	./scripts/run.sh

test:
	./scripts/test.sh

build:
	swift build -c release --product civicwatch

bench:
	./bench/run.sh
