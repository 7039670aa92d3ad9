"""Writing the whole survey kit: every file as bytes, into a folder, or as one zip.

:func:`survey_kit` designs the questionnaire (:func:`~ona.io.kit.questionnaire.build_questionnaire`)
and renders it into the files HR needs; :func:`write_survey_kit` writes them
into a folder and :func:`kit_zip` packs them for a download. The LimeSurvey
file holds both languages (the chosen one first); every other file is in the
chosen language.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from ona.exceptions import InputError
from ona.io.kit.guides import FILE_NAMES, PLATFORM_GUIDES, forms_guide, invitation_text, option_files,\
    questionnaire_text, readme_text
from ona.io.kit.lss import to_lss
from ona.io.kit.qsf import to_qsf
from ona.io.kit.questionnaire import Questionnaire, build_questionnaire

__all__ = ["kit_zip", "survey_kit", "write_survey_kit"]

#: Fixed time stamp of zip entries, so the same kit gives the same bytes.
_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def survey_kit(roster: Any, expected: Any = None, *, lang: str = "nl", **options: Any) -> tuple[Questionnaire, dict[str, bytes]]:
    """Design the questionnaire and render every file of the kit.

    Parameters
    ----------
    roster, expected, lang, **options
        As for :func:`~ona.io.kit.questionnaire.build_questionnaire`.

    Returns
    -------
    (Questionnaire, dict)
        The questionnaire in `lang`, and relative path -> file contents.

    Examples
    --------
    >>> import pandas as pd
    >>> roster = pd.DataFrame({"name": ["Ana Smit", "Bo Jansen"], "department": ["HR", "IT"]},
    ...                       index=pd.Index(["E1", "E2"], name="id"))
    >>> questionnaire, files = survey_kit(roster, [("HR", "IT", "Onboarding")], lang="en", organisation="Acme")
    >>> sorted(files)[:5]
    ['README.md', 'google-forms.md', 'invitation.txt', 'limesurvey.lss', 'microsoft-forms.md']
    """
    questionnaire = build_questionnaire(roster, expected, lang=lang, **options)
    other = build_questionnaire(roster, expected, lang="en" if lang == "nl" else "nl",
                                **{**options, "organisation": questionnaire.organisation})
    names = FILE_NAMES[lang]
    text: dict[str, str] = {
        names["questionnaire"]: questionnaire_text(questionnaire),
        names["invitation"]: invitation_text(questionnaire),
        names["privacy"]: questionnaire.privacy_statement() + "\n",
    }
    for platform in PLATFORM_GUIDES:
        text[names[platform]] = forms_guide(questionnaire, platform)
        text.update(option_files(questionnaire, platform))
    files: dict[str, bytes] = {path: body.encode("utf-8") for path, body in text.items()}
    files[names["lss"]] = to_lss([questionnaire, other])
    files[names["qsf"]] = to_qsf(questionnaire)
    files[names["readme"]] = readme_text(questionnaire, sorted(files)).encode("utf-8")
    return questionnaire, dict(sorted(files.items()))


def write_survey_kit(folder: str | os.PathLike[str], files: dict[str, bytes]) -> list[Path]:
    """Write the kit's files into `folder` (created if needed); each file appears whole or not at all.

    Raises
    ------
    InputError
        If `folder` is a file or cannot be written.
    """
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file, not a folder", fix="Give a new or existing folder for the survey kit")
    written = []
    try:
        for name, body in files.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", delete=False) as tmp:
                tmp.write(body)
            os.replace(tmp.name, path)
            written.append(path)
    except OSError as exc:
        raise InputError(f"cannot write the survey kit into {out}: {exc.strerror or exc}",
                         fix="Choose a folder you can write to, with enough free space") from None
    return written


def kit_zip(files: dict[str, bytes], folder: str = "") -> bytes:
    """The kit as one zip file (entries in `folder` when given), byte for byte the same for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}" if folder else name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, body)
    return buffer.getvalue()
