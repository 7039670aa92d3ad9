"""Workspaces are untrusted input (issue 10, item 6): every damaged or crafted workspace is one clear sentence.

On main before this change, a 1.3 MB zip made the app allocate 2.6 GB (manifest.json was read whole before
any size check), and a bad CRC, ``"people": "abc"``, ``files`` as a list, bad JSON in ``network_*.json``, an
empty ``people.csv`` or a malformed ``findings.json`` each raised an uncaught exception. Each is a test here:
``load_workspace`` raises a FileFormatError of one sentence, in English (``str``) and Dutch (``message``).
"""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile

import pytest

from ona import samples
from ona.exceptions import FileFormatError
from ona.privacy import PrivacyPolicy
from ona.workspace import MAX_MANIFEST_BYTES, build_workspace, load_workspace

KEY = b"test organisation key 0123456789"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    ws = build_workspace(samples.load("krackhardt"), policy=PrivacyPolicy(min_group_size=3, key=KEY),
                         n_permutations=0)
    return dict(ws.files)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _manifest(original: dict[str, bytes], **changes) -> dict[str, bytes]:
    manifest = json.loads(original["manifest.json"])
    manifest.update(changes)
    return {**original, "manifest.json": json.dumps(manifest).encode()}


def _refused(data: bytes, english: str, dutch: str) -> FileFormatError:
    with pytest.raises(FileFormatError) as info:
        load_workspace(data, filename="werkruimte.zip")
    error = info.value
    assert str(error).startswith("werkruimte.zip: ") and english in str(error), str(error)
    assert dutch in error.message("nl"), error.message("nl")
    assert "\n" not in str(error) and "Traceback" not in error.message("nl")
    return error


def test_a_sound_workspace_loads_and_every_part_is_parsed_once(files):
    ws = load_workspace(_zip(files))
    assert ws.files == files and ws.label == "uploaded file"
    assert ws.people().equals(ws.people()) and ws.people() is not ws.people()  # copies of one parsed table


def test_a_manifest_bomb_is_refused_before_it_is_unpacked():
    """A 64 MB manifest.json of spaces packs into some 60 KB; it is refused with a few MB of memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("manifest.json", "w") as member:
            for _ in range(64):
                member.write(b" " * 2**20)
    data = buffer.getvalue()
    assert len(data) < 2**20
    tracemalloc.start()
    try:
        _refused(data, "manifest.json unpacks to more than 1 MB", "manifest.json is uitgepakt groter dan 1 MB")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, peak


def test_a_zip_header_that_understates_a_size_reads_no_more_than_the_limit(files):
    """The declared size says 10 bytes; the data unpacks to 2 MB. Reading stops at the declared size."""
    big = json.dumps({"format": "ona-manager-workspace", "padding": " " * (2 * MAX_MANIFEST_BYTES)}).encode()
    data = bytearray(_zip({"manifest.json": big}))
    true_size = len(big).to_bytes(4, "little")
    assert data.count(true_size) == 2  # the local header and the central directory
    data = bytes(data).replace(true_size, (10).to_bytes(4, "little"))
    _refused(data, "the zip file is damaged: manifest.json cannot be unpacked",
             "het zip-bestand is beschadigd: manifest.json kan niet worden uitgepakt")


def test_a_bad_crc_is_a_damaged_zip(files):
    data = bytearray(_zip(files))
    start = data.index(b"people.csv") + len(b"people.csv")  # the local header's name, then the packed data
    data[start + 20] ^= 0xFF
    _refused(bytes(data), "the zip file is damaged: people.csv cannot be unpacked",
             "het zip-bestand is beschadigd: people.csv kan niet worden uitgepakt")


@pytest.mark.parametrize(("changes", "english", "dutch"), [
    ({"people": "abc"}, "'people' should be a whole number of 0 or more, not \"abc\"",
     "moet 'people' een geheel getal van 0 of meer zijn"),
    ({"files": ["people.csv"]}, "'files' should be a table of names and values, not a list (1)",
     "moet 'files' een tabel van namen en waarden zijn"),
    ({"relations": [{"name": "advice"}]}, "manifest.json lacks 'relations[0].group_matrix'",
     "manifest.json mist 'relations[0].group_matrix'"),
    ({"groups": "Dept 1"}, "'groups' should be a list", "moet 'groups' een lijst zijn"),
    ({"privacy": {"min_group_size": 0}}, "'privacy.min_group_size' should be a whole number",
     "moet 'privacy.min_group_size' een geheel getal"),
    ({"privacy": {"min_group_size": 3, "show_names": "ja"}}, "'privacy.show_names' should be true or false",
     "true of false"),
    ({"hidden": {"groups": "two"}}, "'hidden.groups' should be a whole number", "moet 'hidden.groups' een geheel"),
    ({"hidden": []}, "'hidden' should be a table of names and values", "moet 'hidden' een tabel"),
    ({"version": 2}, "the workspace has format version 2; this ona reads version 1",
     "de werkruimte heeft formaatversie 2"),
])
def test_a_manifest_with_wrong_fields_is_one_sentence(files, changes, english, dutch):
    _refused(_zip(_manifest(files, **changes)), english, dutch)


def test_a_manifest_that_is_not_json_or_nested_too_deeply(files):
    _refused(_zip({**files, "manifest.json": b"{not json"}), "manifest.json is not valid JSON",
             "manifest.json is geen geldige JSON")
    deep = b"[" * 100_000 + b"]" * 100_000
    _refused(_zip({**files, "manifest.json": deep}), "manifest.json is nested too deeply to read",
             "manifest.json is te diep genest om te lezen")


def test_bad_json_in_a_network_file(files):
    name = next(n for n in files if n.startswith("network_"))
    _refused(_zip({**files, name: b'{"nodes": [1, 2'}), f"{name} is not valid JSON", f"{name} is geen geldige JSON")
    _refused(_zip({**files, name: b'{"nodes": [{"x": 1}], "edges": []}'}), f"{name} is not a network as ona writes",
             f"{name} is geen netwerk zoals ona het schrijft")


def test_an_empty_or_broken_people_table(files):
    _refused(_zip({**files, "people.csv": b""}), "people.csv is empty", "people.csv is leeg")
    _refused(_zip({**files, "people.csv": b"a,b\n1,2\n"}), "people.csv lacks the column 'person'",
             "people.csv mist de kolom 'person'")
    matrix = next(n for n in files if n.startswith("group_matrix_"))
    _refused(_zip({**files, matrix: b"from,A\nA,lots\n"}), f"{matrix} should hold numbers only",
             f"{matrix} hoort alleen getallen te bevatten")


@pytest.mark.parametrize("content", [b'{"kind": "silo"}', b'[{"kind": "silo"}]', b"[1, 2]",
                                     b'[{"kind": "silo", "severity": "high", "relation": "advice", "groups": [], '
                                     b'"people": [], "evidence": {}, "text": {}, "suggestions": {}}]'])
def test_malformed_findings(files, content):
    _refused(_zip({**files, "findings.json": content}), "findings.json, finding", "in findings.json is bevinding")


def test_crafted_names_missing_files_and_foreign_zips(files, tmp_path):
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["groups"] = "../../etc/passwd"
    _refused(_zip({**files, "manifest.json": json.dumps(manifest).encode()}),
             "manifest.json names an unsafe file '../../etc/passwd'", "manifest.json noemt een onveilig bestand")
    _refused(_zip({k: v for k, v in files.items() if k != "findings.md"}), "the workspace lacks findings.md",
             "de werkruimte mist findings.md")
    _refused(b"PK\x05\x06" + b"\0" * 18, "the zip holds no manifest.json", "het zip-bestand bevat geen manifest.json")
    _refused(b"id,name\n1,Ana\n", "this is neither a workspace folder nor a workspace zip file",
             "dit is geen werkruimtemap en geen werkruimte-zip")
    _refused(_zip({**files, "README.md": b"\xff\xfe"}), "README.md is not UTF-8 text", "README.md is geen UTF-8-tekst")


def test_a_folder_workspace_checks_sizes_before_reading(files, tmp_path, monkeypatch):
    import ona.workspace

    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    assert load_workspace(tmp_path).files == files
    monkeypatch.setattr(ona.workspace, "MAX_WORKSPACE_BYTES", 1000)
    with pytest.raises(FileFormatError, match="unpacks to more than 1 MB"):
        load_workspace(tmp_path)
