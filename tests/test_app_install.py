"""`ona app` works from a regular installation, not only from a clone (issue 10, item 8).

Before, `ona app` looked for app.py beside the package and told an installed user to "run ona from a clone".
Here the package is copied the way a wheel installs it — exactly the packages and package data pyproject.toml
lists — into a folder outside the repository, and `ona app` is run from there: the Streamlit server starts
on the packaged entry file, and the app's script runs without an exception (Streamlit's AppTest).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from ona.cli import STREAMLIT_OPTIONS

ROOT = Path(__file__).resolve().parent.parent


def _install_copy(target: Path) -> Path:
    """Copy what a wheel of this repository holds (pyproject's packages and package data) into `target`."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = setup.get("package-dir", {})
    data = setup.get("package-data", {})
    for package in setup["packages"]:
        source = ROOT / folders.get(package, package.replace(".", "/"))
        destination = target / package.replace(".", "/")
        destination.mkdir(parents=True, exist_ok=True)
        for path in source.glob("*.py"):
            shutil.copy2(path, destination / path.name)
        for pattern in data.get(package, []):
            for path in source.glob(pattern):
                (destination / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination / path.relative_to(source))
    return target


def _environment(site: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONA_", "STREAMLIT_"))}
    env["PYTHONPATH"] = str(site)  # before the shared editable install of the repository
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    return _install_copy(tmp_path_factory.mktemp("site-packages"))


def test_the_streamlit_options_match_the_repository_config():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    options = dict(zip(STREAMLIT_OPTIONS[::2], STREAMLIT_OPTIONS[1::2]))
    for section, values in config.items():
        for name, value in values.items():
            assert options[f"--{section}.{name}"] == str(value).lower(), name


def test_the_installed_copy_holds_the_app_and_its_pages(installed):
    app = installed / "ona" / "app"
    assert (app / "main.py").is_file()
    missing = sorted(p.relative_to(ROOT / "ona" / "app").as_posix() for p in (ROOT / "ona" / "app").rglob("*.py")
                     if not (app / p.relative_to(ROOT / "ona" / "app")).is_file())
    assert not missing, f"not installed (add the package to pyproject.toml): {missing}"


def test_ona_app_starts_from_an_installed_copy(installed, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "ona", "app", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1"],
        cwd=tmp_path, env=_environment(installed), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # ona and the streamlit server it starts: stopped together below
    )
    started = False
    try:
        deadline = time.monotonic() + 90
        while not started and process.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    started = response.read() == b"ok"
            except OSError:
                time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output = process.communicate()[0]
    assert started, f"the app did not start:\n{output}"
    assert "Traceback" not in output and "clone" not in output, output


def test_the_installed_app_runs_its_first_page(installed, tmp_path):
    script = (
        "import ona, sys\n"
        f"assert ona.__file__.startswith({str(installed)!r}), ona.__file__\n"
        "from ona.cli import app_entry\n"
        "from streamlit.testing.v1 import AppTest\n"
        "app = AppTest.from_file(str(app_entry()), default_timeout=120).run()\n"
        "assert not app.exception, app.exception\n"
        "print('ran', app_entry())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=_environment(installed),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"ran {installed / 'ona' / 'app' / 'main.py'}" in done.stdout
