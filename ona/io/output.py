"""Writing output whole or not at all: beside the target first, moved into place when complete.

* :func:`output_file` — a file (``ona edges -o``, reports, pictures) is written
  to a temporary file in the same folder and renamed over the target when it
  is complete, so an interrupted run never leaves half a file.
* :func:`output_folder` — a folder of results (``ona analyze``, ``ona compare``,
  ``ona publish``) is written into a fresh temporary folder beside the target
  and swapped in when complete, so a folder never mixes two runs: no
  ``people.csv`` of one run beside the ``findings.json`` of another, no stale
  ``group_matrix_*.csv`` of relations the new run does not have. An existing
  folder is replaced only when ona made it (:data:`MARKER`, or what
  `owned` recognises); a folder holding anything else is refused.
* :func:`check_output_folder` / :func:`check_output_file` — the same checks
  before a long computation starts.

Every failure — a missing folder, a folder where a file is wanted, a full disk,
no permission — is an :class:`~ona.exceptions.OnaError` of one sentence in
Dutch and English (:func:`output_error`).
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ona.exceptions import OnaError

__all__ = [
    "MARKER",
    "check_output_file",
    "check_output_folder",
    "output_error",
    "output_file",
    "output_folder",
    "write_bytes",
]

#: The file that marks a folder as ona's output, so a later run may replace it.
MARKER = ".ona-output"

_ERRORS = {
    errno.ENOSPC: "output.disk_full",
    errno.EDQUOT: "output.disk_full",
    errno.EACCES: "output.permission",
    errno.EPERM: "output.permission",
    errno.EROFS: "output.read_only",
    errno.ENOENT: "output.no_folder",
    errno.ENOTDIR: "output.not_a_folder",
    errno.EISDIR: "output.is_folder",
}


def output_error(exc: OSError, path: str | Path) -> OnaError:
    """One sentence for an operating-system error while writing `path` (in Dutch and English).

    >>> str(output_error(OSError(errno.ENOSPC, "No space left on device"), "out/people.csv"))
    'There is no space left on the disk for out/people.csv. Free some space or choose another place with -o.'
    >>> output_error(PermissionError(errno.EACCES, "Permission denied"), "/srv").message("nl")
    'ona mag niet schrijven in /srv (geen toestemming). Kies met -o een map waarin u mag schrijven.'
    """
    key = _ERRORS.get(exc.errno or 0, "output.failed")
    return _error(key, path=str(path), reason=exc.strerror or str(exc))


def check_output_file(path: str | Path) -> Path:
    """Check that `path` can be a file ona writes: its folder exists and it is not a folder itself.

    Raises
    ------
    OnaError
        If `path` is a folder or its folder does not exist.
    """
    out = Path(path)
    if out.is_dir():
        raise _error("output.is_folder", path=str(out), example=str(out / "result"))
    parent = out.parent
    if not parent.is_dir():
        raise _error("output.no_folder" if not parent.exists() else "output.not_a_folder", path=str(parent))
    return out


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all (see :func:`output_file`); returns the path."""
    with output_file(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


@contextmanager
def output_file(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; moved over `path` when the block ends without error.

    A target that exists but is not a regular file (``/dev/stdout``,
    ``/dev/full``, a pipe) is written directly. Operating-system errors
    become :func:`output_error`.

    Raises
    ------
    OnaError
        If `path` is a folder, its folder does not exist, or writing fails.
    """
    out = check_output_file(path)
    if out.exists() and not stat.S_ISREG(out.stat().st_mode):
        try:
            yield out
        except OSError as exc:
            raise output_error(exc, out) from None
        return
    temporary = out.with_name(f".{out.stem}.{secrets.token_hex(4)}.partial{out.suffix}")  # the suffix says the format
    try:
        yield temporary
        os.replace(temporary, out)
    except OSError as exc:
        raise output_error(exc, out) from None
    finally:
        temporary.unlink(missing_ok=True)


def check_output_folder(path: str | Path, *, owned: Callable[[Path], bool] | None = None) -> Path:
    """Check that `path` can be a folder of ona's results: new, empty, or an earlier run ona made.

    Parameters
    ----------
    path : str or Path
    owned : callable, optional
        Recognises a folder ona made, besides the :data:`MARKER` file (e.g. a
        workspace's ``manifest.json``).

    Raises
    ------
    OnaError
        If `path` is a file, its parent folder does not exist, or it is a
        folder holding files ona did not write.
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise _error("output.is_file", path=str(out))
    if not out.exists():
        parent = out.parent
        if not parent.is_dir():
            raise _error("output.no_folder" if not parent.exists() else "output.not_a_folder", path=str(parent))
        return out
    if _is_ours(out, owned) or not any(out.iterdir()):
        if _is_ours(out, owned) and _contains_cwd(out):
            raise _error("output.inside", path=str(out))
        return out
    names = sorted(p.name for p in out.iterdir())
    raise _error("output.foreign", path=str(out), files=", ".join(names[:3]) + (", ..." if len(names) > 3 else ""))


@contextmanager
def output_folder(
    path: str | Path, *, command: str = "", owned: Callable[[Path], bool] | None = None, marker: bool = True
) -> Iterator[Path]:
    """A fresh temporary folder beside `path` to write a run into; it replaces `path` when the block succeeds.

    Parameters
    ----------
    path : str or Path
        The output folder; its parent must exist. Checked with
        :func:`check_output_folder` (an earlier run of ona is replaced, a
        folder holding other files is refused).
    command : str, optional
        Recorded in the :data:`MARKER` file (with no paths or data).
    owned : callable, optional
        See :func:`check_output_folder`.
    marker : bool, optional (default=True)
        Write the :data:`MARKER` file (a published workspace, which managers
        receive, is recognised by its manifest instead).

    Raises
    ------
    OnaError
        On any problem with the folder, or an operating-system error while
        writing (:func:`output_error`); the target is then left as it was.
    """
    out = check_output_folder(path, owned=owned)
    real = Path(os.path.abspath(out))  # "." has no name of its own: the fresh folder goes beside it
    temporary = real.parent / f".{real.name}.{secrets.token_hex(4)}.partial"
    try:
        temporary.mkdir()
        yield temporary
        if marker:
            (temporary / MARKER).write_text(json.dumps({"made_by": "ona", "command": command}) + "\n",
                                            encoding="utf-8")
        check_output_folder(out, owned=owned)  # nothing changed meanwhile
        _move_into_place(temporary, real)
    except OSError as exc:
        raise output_error(exc, out) from None
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


def _move_into_place(temporary: Path, out: Path) -> None:
    if not out.exists():
        os.rename(temporary, out)
        return
    if not any(out.iterdir()):
        if _contains_cwd(out):  # an empty current folder: fill it, it cannot be swapped
            for item in temporary.iterdir():
                os.rename(item, out / item.name)
            return
        out.rmdir()
        os.rename(temporary, out)
        return
    old = out.parent / f".{out.name}.{secrets.token_hex(4)}.old"
    os.rename(out, old)
    try:
        os.rename(temporary, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _is_ours(folder: Path, owned: Callable[[Path], bool] | None) -> bool:
    return (folder / MARKER).is_file() or (owned is not None and owned(folder))


def _contains_cwd(folder: Path) -> bool:
    try:
        cwd = Path.cwd().resolve()
    except OSError:
        return False
    target = folder.resolve()
    return cwd == target or target in cwd.parents


def _error(key: str, **values: str) -> OnaError:
    from ona.i18n import t

    return OnaError(t(key, "en", **values), key=key, values=values)
