"""The console summaries of ``ona analyze`` and ``ona compare`` (``cli.``), in the language of ``--lang``."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "cli.analysed": {
        "nl": "{label} geanalyseerd: {people} mensen, {respondents} respondenten ({response}); relaties: {relations}.",
        "en": "Analysed {label}: {people} people, {respondents} respondents ({response}); relations: {relations}.",
    },
    "cli.the_network": {"nl": "Het netwerk", "en": "the network"},
    "cli.relation_line": {
        "nl": "  {relation}: {ties} relaties, dichtheid {density}, wederkerigheid {reciprocity}, {communities} "
              "informele groepen ({method}, {stable} stabiel; overeenkomst met {grouping}: {nmi})",
        "en": "  {relation}: {ties} ties, density {density}, reciprocity {reciprocity}, {communities} "
              "communities ({method}, {stable} stable; NMI with {grouping} {nmi})",
    },
    "cli.findings": {"nl": "Bevindingen: {n} ({high} hoog):", "en": "Findings: {n} ({high} high):"},
    "cli.finding_line": {"nl": "  [{level}] {text}", "en": "  [{level}] {text}"},
    "cli.wrote": {"nl": "{n} bestanden geschreven naar {folder}: {files}.",
                  "en": "Wrote {n} files to {folder}: {files}."},
    "cli.compared": {
        "nl": "Meting {before} vergeleken met meting {after}: {panel} mensen vulden beide in.",
        "en": "Compared wave {before} with wave {after}: {panel} people responded to both.",
    },
    "cli.compare_line": {
        "nl": "  {relation}: {kept} relaties behouden, {new} nieuw, {lost} verdwenen (Jaccard {jaccard})",
        "en": "  {relation}: {kept} ties kept, {new} new, {lost} lost (Jaccard {jaccard})",
    },
}
