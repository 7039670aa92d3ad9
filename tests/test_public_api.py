"""The public API: __all__ is sorted and complete, and ona never imports streamlit."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import ona


def test_all_is_sorted_and_every_name_exists():
    assert list(ona.__all__) == sorted(ona.__all__)
    for name in ona.__all__:
        assert hasattr(ona, name), name


def _library_modules():
    """Every module of the library: not the app (Streamlit), the samples' data or ``python -m ona``."""
    for module in pkgutil.walk_packages(ona.__path__, "ona."):
        if module.name.startswith(("ona.sample_networks", "ona.app")) or module.name == "ona.__main__":
            continue
        yield module


def test_every_module_declares_all():
    for module in _library_modules():
        mod = importlib.import_module(module.name)
        assert hasattr(mod, "__all__"), f"{module.name} has no __all__"


def test_ona_never_imports_streamlit():
    code = (
        "import sys, pkgutil, importlib, ona\n"
        "for m in pkgutil.walk_packages(ona.__path__, 'ona.'):\n"
        "    if m.name != 'ona.__main__' and not m.name.startswith(('ona.sample_networks', 'ona.app')):\n"
        "        importlib.import_module(m.name)\n"
        "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
