"""The public API: __all__ is sorted and complete, and ona never imports streamlit."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

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


def test_import_ona_is_lazy_and_the_light_commands_load_no_heavy_engines():
    """`import ona`, `ona --help` and `ona validate` import neither igraph nor streamlit (start-up time)."""
    code = (
        "import sys, contextlib, io\n"
        "import ona\n"
        "loaded = [m for m in ('igraph', 'streamlit', 'scipy') if m in sys.modules]\n"
        "from ona.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "    main(['validate', 'krackhardt'])\n"
        "print(loaded, [m for m in ('igraph', 'streamlit') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] []"


def test_public_names_load_on_first_use():
    code = "import ona, sys\nbefore = 'ona.measures.analysis' in sys.modules\nona.analyze\nprint(before, 'ona.measures.analysis' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False True"
    assert set(ona.__all__) <= set(dir(ona))
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        ona.nonexistent  # noqa: B018
