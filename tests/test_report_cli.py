"""`ona report` and `ona draw`: files people take to a meeting, and one sentence for a user error."""

from __future__ import annotations

import io

import pytest

from ona.cli import main

pdfium = pytest.importorskip("pypdfium2")


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    doc = pdfium.PdfDocument(path.read_bytes())
    return " ".join(" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc)))


def test_report_of_a_sample_in_dutch_and_its_pptx_twin(tmp_path, capsys):
    assert main(["report", "municipality", "--lang", "nl", "--permutations", "99", "-o", str(tmp_path / "r.pdf")]) == 0
    text = _pdf_text(tmp_path / "r.pdf")
    assert "In het kort" in text and "Omgevingswet: Ruimte & Wonen en Publiekszaken" in text  # sample's collaborations
    assert main(["report", "municipality", "--lang", "nl", "--permutations", "99", "-o", str(tmp_path / "r.pptx")]) == 0
    from pptx import Presentation

    deck = Presentation(io.BytesIO((tmp_path / "r.pptx").read_bytes()))
    assert deck.slides[1].shapes.title.text == "In het kort"
    assert "r.pptx (PPTX, HR, nl)" in capsys.readouterr().out


def test_manager_report_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.delenv("ONA_PSEUDONYM_KEY", raising=False)
    out = tmp_path / "manager.pdf"
    assert main(["report", "municipality", "--role", "manager", "--permutations", "99", "--lang", "en",
                 "-o", str(out)]) == 0
    text = _pdf_text(out)
    assert "Version for managers" in text and "Jan de Vries" not in text  # no consent column: nobody named


def test_change_report_for_two_waves_of_a_sample(tmp_path):
    out = tmp_path / "change.pdf"
    assert main(["report", "municipality", "--waves", "2025", "2026", "-o", str(out)]) == 0
    assert "Wat veranderde" in _pdf_text(out)
    assert main(["report", "municipality", "--waves", "2025", "2026", "--role", "manager", "--lang", "en",
                 "-o", str(out)]) == 0
    text = _pdf_text(out)
    assert "What changed" in text and "Version for managers" in text


def test_draw_writes_png_and_svg(tmp_path):
    assert main(["draw", "krackhardt", "-o", str(tmp_path / "n.png")]) == 0
    assert (tmp_path / "n.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["draw", "municipality", "--picture", "departments", "--of", "trust", "--lang", "en",
                 "-o", str(tmp_path / "d.svg")]) == 0
    svg = (tmp_path / "d.svg").read_text()
    assert "Network of departments: trust" in svg and "Publiekszaken (40)" in svg
    assert main(["draw", "municipality", "--picture", "matrix", "-o", str(tmp_path / "m.svg")]) == 0
    assert "wordt genoemd" in (tmp_path / "m.svg").read_text()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["report", "municipality", "-o", "{tmp}/missing/r.pdf"], "does not exist; create it first"),
        (["report", "municipality", "-o", "{tmp}"], "is a folder; give a file name"),
        (["report", "municipality", "--waves", "2025", "2031", "-o", "{tmp}/r.pdf"], "has no wave '2031'"),
        (["draw", "municipality", "--of", "gossip", "-o", "{tmp}/d.png"], "There is no relation 'gossip'"),
    ],
)
def test_user_errors_are_one_sentence(argv, message, tmp_path, capsys):
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
