"""Atheris harness for one target of ``targets.py``.

    .venv/bin/python -m tests.reliability.fuzz.fuzz TARGET [libFuzzer options] [CORPUS_DIR]

for example ``... fuzz header -max_total_time=600 -max_len=65536 /tmp/work
tests/reliability/fuzz/corpus/header``. Targets: header, blob, manifest, bag, case_json, zip.
A crash is any exception other than a CustodiaError; libFuzzer saves the input as crash-*.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

with atheris.instrument_imports():
    import vault.blobs
    import vault.header  # noqa: F401 - instrumented for coverage feedback

from tests.reliability.fuzz.targets import TARGETS, run_one


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        raise SystemExit(f"usage: fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    name = sys.argv.pop(1)

    def test_one_input(data: bytes) -> None:
        run_one(name, data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
