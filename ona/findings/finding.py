"""The finding: what was found, how serious, how certain, the evidence, and text in Dutch and English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ona.exceptions import OnaError
from ona.findings.detectors import HIGH_SEVERITY
from ona.model import json_plain

__all__ = [
    "ALL_RELATIONS",
    "BANDS",
    "Confidence",
    "Finding",
    "LANGUAGES",
    "MEDIUM_SEVERITY",
    "check_language",
    "severity_level",
]

#: Languages of every text.
LANGUAGES = ("nl", "en")
#: The ``relation`` of a finding about all analysed relations together.
ALL_RELATIONS = "all"
#: Severity from which a finding is "medium" (from :data:`~ona.findings.detectors.HIGH_SEVERITY` on it is "high").
MEDIUM_SEVERITY = 0.3
#: Confidence bands, most certain first (see :mod:`ona.findings.confidence`).
BANDS = ("high", "moderate", "low")


@dataclass(frozen=True)
class Confidence:
    """How certain a finding is, given how many of the people it rests on answered the survey.

    Attributes
    ----------
    band : str
        ``"high"``, ``"moderate"`` or ``"low"`` (see
        :func:`ona.findings.confidence.band`).
    response : float or None
        The response rate the band rests on: the lowest of the groups involved,
        or the whole organisation's for findings about people.
    reason : dict
        ``{"nl": sentence, "en": sentence}``: why, and what that means for
        reading the finding.
    people_withheld : bool
        Whether names were left out of the finding because the response is
        too low to say something about individuals.
    could_overturn : bool
        Whether the ties of the people who did not answer could turn the
        finding over (see :mod:`ona.findings.confidence`).
    """

    band: str
    response: float | None = None
    reason: dict[str, str] = field(default_factory=dict, hash=False)
    people_withheld: bool = False
    could_overturn: bool = False

    def __post_init__(self) -> None:
        if self.band not in BANDS:
            raise OnaError(f"Unknown confidence band {self.band!r}; use one of {', '.join(BANDS)}.")

    def to_dict(self) -> dict[str, Any]:
        """The confidence as a JSON-ready dict."""
        return {"band": self.band, "response": json_plain(self.response), "reason": dict(self.reason),
                "people_withheld": self.people_withheld, "could_overturn": self.could_overturn}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Confidence:
        """The confidence from :meth:`to_dict`'s form (e.g. read back from ``findings.json``).

        >>> Confidence.from_dict({"band": "low", "response": 0.5}).band
        'low'
        """
        reason = data.get("reason") or {}
        return cls(band=str(data.get("band")), response=data.get("response"),
                   reason={str(k): str(v) for k, v in reason.items()} if isinstance(reason, Mapping) else {},
                   people_withheld=bool(data.get("people_withheld", False)),
                   could_overturn=bool(data.get("could_overturn", False)))


@dataclass(frozen=True)
class Finding:
    """One finding: what was found, how serious and how certain, the evidence, and text in Dutch and English.

    Attributes
    ----------
    kind : str
        ``silo``, ``gap``, ``fragile_bridge``, ``one_sided_trust``,
        ``overloaded``, ``isolated`` or ``change`` (others may add kinds).
    severity : float
        0 to 1; see :func:`severity_level` for high/medium/low.
    relation : str
        The relation it is about, or :data:`ALL_RELATIONS` (``"all"``) for
        all analysed relations together.
    groups : tuple of str
        Names of the groups involved (empty for role-based findings).
    people : tuple of str
        Ids of the people the finding is about (empty when it is about groups,
        or when names were withheld; see `confidence`).
    evidence : dict
        The numbers behind the finding (plain, JSON-ready values).
    text : dict
        ``{"nl": sentence, "en": sentence}``.
    suggestions : dict
        ``{"nl": [suggestion, ...], "en": [...]}``.
    confidence : Confidence or None
        How certain the finding is given the response (None when unknown).
    robustness : object or None
        How the finding holds up when non-respondents' missing ties are
        imagined (filled in by the measures that compute it; None if not).
    """

    kind: str
    severity: float
    relation: str
    groups: tuple[str, ...]
    people: tuple[str, ...]
    evidence: dict[str, Any] = field(compare=False, hash=False)
    text: dict[str, str] = field(hash=False)
    suggestions: dict[str, list[str]] = field(hash=False)
    confidence: Confidence | None = field(default=None, compare=False, hash=False)
    robustness: Any = field(default=None, compare=False, hash=False)

    @property
    def level(self) -> str:
        """``"high"``, ``"medium"`` or ``"low"`` (see :func:`severity_level`)."""
        return severity_level(self.severity)

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict (the objects of ``findings.json``)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "level": self.level,
            "relation": self.relation,
            "groups": list(self.groups),
            "people": list(self.people),
            "evidence": json_plain(self.evidence),
            "text": dict(self.text),
            "suggestions": {lang: list(items) for lang, items in self.suggestions.items()},
            "confidence": self.confidence.to_dict() if self.confidence is not None else None,
            "robustness": json_plain(self.robustness.to_dict() if hasattr(self.robustness, "to_dict")
                                else self.robustness),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """A finding from :meth:`to_dict`'s form (e.g. an object of ``findings.json``); derived keys are ignored.

        >>> f = Finding("silo", 0.8, "advice", ("IT",), (), {}, {"nl": "x", "en": "y"}, {"nl": [], "en": []},
        ...             Confidence("moderate", 0.7))
        >>> Finding.from_dict(f.to_dict()) == f, Finding.from_dict(f.to_dict()).confidence.band
        (True, 'moderate')
        """
        confidence = data.get("confidence")
        return cls(
            kind=str(data["kind"]), severity=float(data["severity"]), relation=str(data.get("relation", "")),
            groups=tuple(str(g) for g in data.get("groups") or ()),
            people=tuple(str(p) for p in data.get("people") or ()),
            evidence=dict(data.get("evidence") or {}), text=dict(data.get("text") or {}),
            suggestions={str(k): list(v) for k, v in (data.get("suggestions") or {}).items()},
            confidence=Confidence.from_dict(confidence) if isinstance(confidence, Mapping) else None,
            robustness=data.get("robustness"),
        )


def severity_level(severity: float) -> str:
    """``"high"`` from 0.6, ``"medium"`` from 0.3, else ``"low"``.

    >>> severity_level(0.97), severity_level(0.41), severity_level(0.1)
    ('high', 'medium', 'low')
    """
    if severity >= HIGH_SEVERITY:
        return "high"
    if severity >= MEDIUM_SEVERITY:
        return "medium"
    return "low"


def check_language(lang: str) -> None:
    """Raise :class:`~ona.exceptions.OnaError` unless `lang` is ``"nl"`` or ``"en"``.

    >>> check_language("nl")
    """
    if lang not in LANGUAGES:
        raise OnaError(f"Unknown language {lang!r} for findings; use 'nl' (Dutch) or 'en' (English).")
