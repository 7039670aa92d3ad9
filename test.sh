#!/usr/bin/env bash
# Install what the tests need and run the whole suite: the README's test command.
#   ./test.sh            everything, including the real-browser tests
#   ./test.sh -k survey  extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")"

python -m pip install --quiet --disable-pip-version-check -e ".[test]"

# The browser tests drive Debian's Chromium through Playwright (Playwright's own
# browser download is not used). Install it where it is missing.
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing Chromium for the browser tests (Debian package 'chromium')..."
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing and apt-get is not available: the browser tests will fail." >&2
  fi
fi

python -m pytest "$@"
