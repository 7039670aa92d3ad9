"""``python -m ona``: the same as the ``ona`` command."""

from ona.cli import run

run()
