#!/usr/bin/env bash
# Install everything the tests need (Chromium from Debian, test packages in .venv) and run the
# whole suite: lint, unit tests, builds and browser tests.
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

# Chromium drives the browser tests (never 'playwright install': it downloads a browser);
# a font so pages render the same on a bare machine.
apt_install chromium "${PDF_PACKAGES[@]}"

setup_venv "test"

.venv/bin/ruff check .
.venv/bin/ruff format --check .

set +e
# One worker per core, each taking whole test files (a file's module fixtures and order stay
# together) in the order of tests/conftest.py (slowest first); PYTEST_WORKERS=0 runs everything
# in this process.
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-auto}" --dist loadfile --no-loadscope-reorder "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest heeft geen enkele test gevonden: dat telt als mislukt." >&2
  exit 1
fi
exit "$status"
