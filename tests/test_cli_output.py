"""CLI output is atomic and clear (issue 10, item 7).

Outputs are written beside their target and moved into place when complete; an output folder never mixes two
runs (each run is written into a fresh folder and swapped in; a folder ona did not make is refused); every
output error is one sentence and exit status 2. On main before this change each of these was a traceback, a
truncated file or a folder mixing two runs.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from ona import samples
from ona.cli import main
from ona.io.output import MARKER, output_file, output_folder


def _one_sentence(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("ona: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name or p.name.endswith(".old"))


# -- files ----------------------------------------------------------------------------------------


def test_missing_folder_and_folder_instead_of_file(tmp_path, capsys):
    assert main(["edges", "krackhardt", "-o", str(tmp_path / "missing" / "edges.csv")]) == 2
    assert "does not exist; create it first" in _one_sentence(capsys)
    assert main(["edges", "krackhardt", "-o", str(tmp_path)]) == 2
    assert "is a folder; give a file name with -o" in _one_sentence(capsys)
    (tmp_path / "a-file").write_text("x")
    assert main(["review", "krackhardt", "-o", str(tmp_path / "a-file" / "review.csv")]) == 2
    assert "a-file is a file, not a folder" in _one_sentence(capsys)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk(capsys):
    assert main(["edges", "krackhardt", "-o", "/dev/full"]) == 2
    assert "There is no space left on the disk for /dev/full" in _one_sentence(capsys)
    assert Path("/dev/full").is_char_device()  # written to, never replaced


def test_permission_denied_and_a_full_disk_leave_no_partial_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "edges.csv"
    target.write_text("the earlier file\n")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # (the tests run as root, who may write anywhere)
    assert main(["edges", "krackhardt", "-o", str(target)]) == 2
    assert "ona may not write to" in _one_sentence(capsys)
    assert target.read_text() == "the earlier file\n" and not _leftovers(tmp_path)
    monkeypatch.undo()

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    assert main(["analyze", "krackhardt", "-o", str(tmp_path / "out"), "--permutations", "0"]) == 2
    assert "There is no space left on the disk for" in _one_sentence(capsys)
    assert not (tmp_path / "out").exists() and not _leftovers(tmp_path)


def test_an_interrupted_write_leaves_the_earlier_file(tmp_path):
    target = tmp_path / "people.csv"
    target.write_text("complete\n")
    with pytest.raises(KeyboardInterrupt):
        with output_file(target) as temporary:
            temporary.write_text("half")
            raise KeyboardInterrupt
    assert target.read_text() == "complete\n" and not _leftovers(tmp_path)


# -- folders ----------------------------------------------------------------------------------------


def test_a_rerun_replaces_the_whole_folder(tmp_path, capsys):
    out = tmp_path / "results"
    assert main(["analyze", "municipality", "-o", str(out), "--permutations", "0"]) == 0
    assert {p.name for p in out.glob("group_matrix_*.csv")} == {
        "group_matrix_advice.csv", "group_matrix_trust.csv", "group_matrix_collaboration.csv"}
    assert json.loads((out / MARKER).read_text()) == {"made_by": "ona", "command": "analyze"}
    assert main(["analyze", "krackhardt", "-o", str(out), "--permutations", "0"]) == 0
    relations = samples.load("krackhardt").relations
    assert {p.name for p in out.glob("group_matrix_*.csv")} == {f"group_matrix_{r}.csv" for r in relations}
    assert "Veldhoven" not in (out / "summary.json").read_text()  # nothing of the first run is left
    assert not _leftovers(tmp_path)
    capsys.readouterr()


def test_an_interrupted_run_leaves_the_earlier_run(tmp_path, monkeypatch, capsys):
    out = tmp_path / "results"
    assert main(["analyze", "krackhardt", "-o", str(out), "--permutations", "0"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    import ona.findings

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ona.findings, "write_findings", interrupted)
    assert main(["analyze", "municipality", "-o", str(out), "--permutations", "0"]) == 130
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # people.csv of one run, findings of the same
    assert not _leftovers(tmp_path)
    capsys.readouterr()


def test_a_folder_ona_did_not_make_is_refused(tmp_path, capsys):
    own = tmp_path / "own"
    own.mkdir()
    (own / "salarissen.xlsx").write_bytes(b"x")
    for argv in (["analyze", "krackhardt", "--permutations", "0"], ["compare", "municipality"],
                 ["publish", "krackhardt", "--min-group-size", "3"]):
        assert main([*argv, "-o", str(own)]) == 2
        assert "already holds other files (salarissen.xlsx) that ona did not write" in _one_sentence(capsys)
    assert [p.name for p in own.iterdir()] == ["salarissen.xlsx"]


def test_compare_onto_an_existing_file_or_into_a_missing_folder(tmp_path, capsys):
    (tmp_path / "report.txt").write_text("x")
    assert main(["compare", "municipality", "-o", str(tmp_path / "report.txt")]) == 2
    assert "is an existing file, not a folder" in _one_sentence(capsys)
    assert main(["compare", "municipality", "-o", str(tmp_path / "missing" / "change")]) == 2
    assert "does not exist; create it first" in _one_sentence(capsys)
    assert main(["compare", "municipality", "-o", str(tmp_path / "change")]) == 0
    assert (tmp_path / "change" / "change_findings.md").exists() and (tmp_path / "change" / MARKER).exists()
    capsys.readouterr()


def test_an_empty_current_folder_is_filled(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "krackhardt", "-o", ".", "--permutations", "0"]) == 0
    assert (tmp_path / "people.csv").exists() and (tmp_path / MARKER).exists()
    assert main(["analyze", "krackhardt", "-o", ".", "--permutations", "0"]) == 2  # cannot swap the folder we are in
    assert "while you are working inside it" in _one_sentence(capsys)


def test_publish_replaces_an_earlier_workspace_as_a_whole(tmp_path, capsys):
    out = tmp_path / "ws"
    assert main(["publish", "municipality", "-o", str(out)]) == 0
    assert (out / "group_network_trust.json").exists() and not (out / MARKER).exists()  # only the workspace
    assert main(["publish", "krackhardt", "--min-group-size", "3", "-o", str(out)]) == 0
    assert not (out / "group_network_trust.json").exists()
    assert json.loads((out / "manifest.json").read_text())["people"] == 20
    capsys.readouterr()


def test_output_folder_cleans_up_after_an_error(tmp_path):
    with pytest.raises(ValueError):
        with output_folder(tmp_path / "run", command="test") as temporary:
            (temporary / "a.csv").write_text("x")
            raise ValueError("a bug")
    assert list(tmp_path.iterdir()) == []
