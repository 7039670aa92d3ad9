"""The ``ona`` command line.

Every user error is printed as one sentence on stderr with exit status 2; a
traceback means a bug in ona.

    ona samples
    ona validate TIES_OR_SURVEY --roster ROSTER [--relation ...]
    ona edges TIES_OR_SURVEY --roster ROSTER [--relation ...] -o edges.csv
    ona analyze TIES_OR_SURVEY --roster ROSTER [--relation ...] -o DIR [--grouping COLUMN] [--method leiden|louvain]
    ona analyze SAMPLE_NAME -o DIR
    ona review SURVEY --roster ROSTER -o review.csv
    ona compare BEFORE AFTER --roster ROSTER -o DIR     (or: ona compare SAMPLE_NAME -o DIR)
    ona publish TIES_OR_SURVEY --roster ROSTER [--expected FILE] -o DIR [--min-group-size K] [--key-env VAR]
    ona survey-kit --roster ROSTER [--expected FILE] --lang nl|en -o DIR
    ona report TIES_OR_SURVEY --roster ROSTER [--expected FILE] [--lang nl|en] [--role manager] -o report.pdf|.pptx
    ona report SAMPLE_NAME --waves BEFORE AFTER -o change.pdf     (or: --later TIES_OR_SURVEY for a second wave)
    ona draw TIES_OR_SURVEY --roster ROSTER [--picture network|departments|matrix|conditions] [--of RELATION] -o FILE.png|.svg
    ona app
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ona import samples
from ona.exceptions import OnaError
from ona.i18n import STRINGS, grouping_words, number, percent, relation_label, t
from ona.io.ingest import load_network
from ona.model import OrgNetwork
from ona.io.cells import neutralize_formulas
from ona.io.output import check_output_file, check_output_folder, output_error, output_file, output_folder, write_bytes
from ona.io.report_text import format_report
from ona.io.survey import read_resolutions, write_review

__all__ = ["STREAMLIT_OPTIONS", "app_entry", "build_parser", "load_input", "main", "run", "write_output"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ona",
        description="Organisational network analysis: silos, gaps, bridges and trust from network surveys.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("samples", help="list the built-in sample networks")
    p.set_defaults(func=_cmd_samples)

    for name, helptext, func in (
        ("validate", "read input and print what was read and every problem", _cmd_validate),
        ("edges", "write the cleaned ties as source,target,relation,weight", _cmd_edges),
    ):
        p = sub.add_parser(name, help=helptext)
        _add_input_arguments(p)
        if name == "edges":
            p.add_argument("-o", "--output", required=True, help="CSV file to write")
        else:
            p.add_argument("--lang", choices=("nl", "en"), default="en",
                           help="language of the report and of errors (default: en)")
        p.set_defaults(func=func)

    p = sub.add_parser("review", help="write the names that need a decision to a CSV to fill in")
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, help="CSV file to write (fill in the id column)")
    p.set_defaults(func=_cmd_review)

    p = sub.add_parser(
        "analyze",
        help="analyse every relation and write people.csv, groups.csv, group matrices and summary.json",
    )
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the results into")
    p.add_argument(
        "--grouping", "--group-by",
        dest="grouping",
        default="department",
        metavar="COLUMN",
        help="roster column that defines groups (default: department)",
    )
    p.add_argument("--seed", type=_seed, default=0, help="random seed for communities and tests (default: 0)")
    p.add_argument(
        "--method", choices=("leiden", "louvain"), default="leiden",
        help="community detection: leiden (connected communities; default) or louvain",
    )
    p.add_argument(
        "--missing", choices=("none", "reconstruct"), default="none",
        help="non-respondents' ties: none (unknown stays unknown; default) or reconstruct (taken from the other "
        "side's reports, for symmetric relations such as collaboration only)",
    )
    p.add_argument(
        "--sensitivity", action="store_true",
        help="mark each finding as robust or not to the non-respondents (three what-if runs; slower)",
    )
    p.add_argument(
        "--resolution", type=float, default=1.0,
        help="community resolution; above 1 gives smaller communities (default: 1)",
    )
    p.add_argument(
        "--permutations",
        type=int,
        default=1000,
        metavar="N",
        help="permutations for the E-I and QAP tests; 0 skips them (default: 1000)",
    )
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group) for the findings")
    p.add_argument("--conditions", metavar="FILE", help="five-conditions answers as a plain table "
                   "(respondent,collaboration,condition,item,score), if not in the survey export")
    p.add_argument("--lang", choices=("nl", "en"), default="nl",
                   help="language of findings.md and of the summary printed (default: nl)")
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser(
        "publish",
        help="write a privacy-filtered workspace for managers (figures, graphs and findings only)",
    )
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="new or empty folder for the workspace")
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group) for the findings")
    _add_privacy_arguments(p)
    p.add_argument("--lang", choices=("nl", "en"), default="nl",
                   help="language of findings.md and of the summary printed (default: nl)")
    p.add_argument("--grouping", "--group-by", dest="grouping", metavar="COLUMN",
                   help="roster column of the groups shown, one of the groupings (default: the first grouping)")
    p.add_argument("--seed", type=_seed, default=0, help="random seed for the analysis (default: 0)")
    p.set_defaults(func=_cmd_publish)

    p = sub.add_parser(
        "report",
        help="write a report to take to the meeting: PDF or PowerPoint, for HR or for managers; "
        "with --waves or --later, the change between two waves",
    )
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the report to write (.pdf or .pptx)")
    p.add_argument("--format", choices=("pdf", "pptx"), help="pdf or pptx (default: from the file name, else pdf)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report (default: nl)")
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group): a page each")
    p.add_argument("--later", nargs="+", metavar="TIES_OR_SURVEY",
                   help="a second, later wave: the report shows what changed between the two")
    p.add_argument("--roster-later", metavar="ROSTER", help="staff roster of the later wave, if it differs")
    p.add_argument("--waves", nargs=2, metavar=("BEFORE", "AFTER"),
                   help="wave labels of the change report (for a sample: which two waves to compare)")
    _add_role_arguments(p)
    p.add_argument("--grouping", "--group-by", dest="grouping", default="department", metavar="COLUMN", help="roster column of the groups")
    p.add_argument("--seed", type=_seed, default=0, help="random seed for the analysis (default: 0)")
    p.add_argument("--permutations", type=int, default=1000, metavar="N",
                   help="permutations for the tests behind the findings (default: 1000)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("draw", help="draw a picture (PNG or SVG): the network, the department map or matrix, "
                       "or the five conditions of a collaboration")
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the picture to write (.png or .svg)")
    p.add_argument("--picture", choices=("network", "departments", "matrix", "conditions"), default="network",
                   help="network: people coloured by department; departments: the department map; "
                   "matrix: ties between departments; conditions: the five conditions of a collaboration "
                   "(default: network)")
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group), for "
                   "--picture conditions")
    p.add_argument("--collaboration", metavar="NAME", help="the collaboration of --picture conditions "
                   "(default: the first with answers)")
    p.add_argument("--of", metavar="RELATION", dest="of_relation",
                   help="the relation to draw (default: the first for network, all together otherwise)")
    p.add_argument("--format", choices=("png", "svg"), help="png or svg (default: from the file name, else png)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of titles and legends")
    _add_role_arguments(p)
    p.add_argument("--grouping", "--group-by", dest="grouping", default="department", metavar="COLUMN", help="roster column of the groups")
    p.add_argument("--seed", type=_seed, default=0, help="random seed of the layout (default: 0)")
    p.set_defaults(func=_cmd_draw)

    p = sub.add_parser(
        "compare",
        help="compare two survey waves: kept, new and lost ties, and where cross-department ties grew",
    )
    p.add_argument("input", nargs="+", help="BEFORE AFTER (edge lists or survey exports), or a sample name")
    p.add_argument("--roster", help="staff roster of the first wave (CSV or XLSX)")
    p.add_argument("--roster-after", help="staff roster of the second wave, if it differs")
    p.add_argument("--waves", nargs=2, metavar=("BEFORE", "AFTER"), help="wave labels (for a sample: which waves)")
    _add_reading_options(p, wave=False)
    p.add_argument("--grouping", "--group-by", dest="grouping", default="department", metavar="COLUMN", help="roster column of the groups")
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group), for the "
                   "change of their five conditions")
    p.add_argument("--lang", choices=("nl", "en"), default="nl",
                   help="language of change_findings.md and of the summary printed")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the results into")
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser(
        "survey-kit",
        help="design the network survey: LimeSurvey and Qualtrics files, Forms guides, invitation, privacy statement",
    )
    p.add_argument("--roster", required=True, help="staff roster (CSV or XLSX)")
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group): each gets the "
                   "five conditions' statements")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the questionnaire (default: nl)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the kit into")
    p.add_argument("--organisation", metavar="NAME", help="the organisation's name in the texts")
    p.add_argument("--names", choices=("auto", "list", "text"), default="auto",
                   help="choose colleagues from a list, or type their names (default: a list up to 100 people)")
    p.add_argument("--no-perception", action="store_true", help="leave out 'who do you think comes to you?'")
    p.add_argument("--no-dependency", action="store_true", help="leave out 'which departments do you depend on?'")
    p.add_argument("--grouping", "--group-by", dest="grouping", default="department", metavar="COLUMN", help="roster column of the groups")
    p.add_argument("--min-group-size", type=int, metavar="K",
                   help="the minimum group size the privacy statement promises (default: ONA_MIN_GROUP_SIZE, else 5)")
    p.add_argument("--months", type=int, default=12, help="how long raw answers are kept, in months (default: 12)")
    p.add_argument("--contact", default="", help="who to contact, for the invitation and privacy statement")
    p.set_defaults(func=_cmd_survey_kit)

    p = sub.add_parser("app", help="open the Streamlit app in the browser")
    p.add_argument("streamlit_args", nargs=argparse.REMAINDER, help="extra arguments for 'streamlit run'")
    p.set_defaults(func=_cmd_app)
    return parser


def _add_role_arguments(p: argparse.ArgumentParser) -> None:
    """Who the output is for: HR (default) or managers, with the privacy options of 'ona publish'."""
    p.add_argument("--role", choices=("analyst", "manager"), default="analyst",
                   help="analyst: everything, names included (HR); manager: privacy-filtered (default: analyst)")
    _add_privacy_arguments(p, prefix="for managers: ")


def _add_privacy_arguments(p: argparse.ArgumentParser, prefix: str = "") -> None:
    """The privacy policy's options; each overrides its environment variable (see ona.privacy.config)."""
    p.add_argument("--min-group-size", type=int, metavar="K",
                   help=f"{prefix}groups with fewer members or respondents get no figures of their own "
                   "(default: ONA_MIN_GROUP_SIZE, else 5)")
    p.add_argument("--key-env", metavar="VAR",
                   help=f"{prefix}environment variable holding the secret pseudonym key (default: ONA_PSEUDONYM_KEY)")
    p.add_argument("--pseudonyms-only", action="store_true",
                   help=f"{prefix}everyone by pseudonym, also with consent (or ONA_PSEUDONYMS_ONLY=1)")
    p.add_argument("--groups-only", action="store_true",
                   help=f"{prefix}no people at all: group-level figures only (or ONA_GROUPS_ONLY=1)")
    p.add_argument("--groupings", metavar="A,B,...",
                   help=f"{prefix}roster columns managers may group by; whom to withhold is decided under all of "
                   "them at once (default: ONA_GROUPINGS, else department,team,location)")


def _policy(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """(policy, key, key variable) from the privacy options over the environment (shared by publish, report, draw)."""
    from ona.privacy import load_settings

    settings = load_settings(overrides={
        "min_group_size": args.min_group_size, "key_env": args.key_env, "pseudonyms_only": args.pseudonyms_only,
        "groups_only": args.groups_only, "groupings": args.groupings,
    })
    return settings.policy, settings.policy.key, settings.key_source


def _output_format(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    """--format, else the output file's extension, else the first format."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".")
    return suffix if suffix in formats else formats[0]


def write_output(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all (:func:`ona.io.output.write_bytes`); every problem is one sentence."""
    return write_bytes(path, data)


def _seed(text: str) -> int:
    """A seed is a whole number from 0 (numpy refuses negative seeds)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; use 0 or more")
    return value


def _add_input_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", nargs="+", help="edge list, matrix file(s) or survey export; or a sample name")
    p.add_argument("--roster", help="staff roster (CSV or XLSX); not needed for a sample name")
    _add_reading_options(p)


def _add_reading_options(p: argparse.ArgumentParser, *, wave: bool = True) -> None:
    """How ties are read: relation names and mappings, name decisions, platform and (optionally) wave."""
    p.add_argument(
        "--relation",
        action="append",
        default=[],
        metavar="NAME or TEXT=RELATION",
        help="relation name for a plain edge list or matrix, or (repeatable) map a survey question: "
        "'gevoelige werkkwestie=trust'",
    )
    p.add_argument(
        "--resolutions",
        metavar="FILE",
        help="CSV/XLSX of decisions on names under review: columns name, id and optionally mentioned_by "
        "(id '-' = not on the roster; empty = still undecided); 'ona review' writes one to fill in",
    )
    p.add_argument(
        "--platform",
        choices=("msforms", "qualtrics", "googleforms", "limesurvey", "surveymonkey", "generic"),
        help="survey platform of the export, when automatic detection is wrong",
    )
    p.add_argument(
        "--structure",
        metavar="FILE",
        help="the survey's structure file (LimeSurvey .lss, Qualtrics .qsf), to read an export that holds codes "
        "(LimeSurvey's default export, Qualtrics' numeric values)",
    )
    if wave:
        p.add_argument("--wave", help="label of the survey wave, e.g. 2025")


def load_input(args: argparse.Namespace) -> OrgNetwork:
    """The network named by the shared input arguments (also used by later commands)."""
    inputs: list[str] = args.input
    if len(inputs) == 1 and args.roster is None and inputs[0] in samples.available():
        return samples.load(inputs[0], wave=args.wave)
    if args.roster is None:
        names = ", ".join(samples.available())
        raise OnaError(
            f"'{inputs[0]}' is not a sample name ({names}), so --roster ROSTER is needed. "
            "Pass the staff roster as CSV or XLSX."
        )
    ties = [Path(i) for i in inputs]
    return load_network(ties if len(ties) > 1 else ties[0], Path(args.roster), **_reading_options(args))


def _reading_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments for :func:`ona.load_network` from the shared reading options."""
    relation = None
    mapping: dict[str, str] = {}
    for item in args.relation:
        if "=" in item:
            text, _, rel = item.rpartition("=")
            if not text.strip() or not rel.strip():
                raise OnaError(f"--relation {item!r} should read 'QUESTION TEXT=relation', e.g. 'advies=advice'.")
            mapping[text.strip()] = rel.strip()
        elif relation is not None:
            raise OnaError(
                f"--relation names the relation of a plain edge list or matrix once; got {relation!r} and "
                f"{item.strip()!r}. Put a 'relation' column in the edge list, or use one file per relation."
            )
        else:
            relation = item.strip()
    resolutions = read_resolutions(Path(args.resolutions)) if args.resolutions else None
    return {
        "relation": relation,
        "relations": mapping or None,
        "resolutions": resolutions,
        "wave": getattr(args, "wave", None),
        "platform": args.platform,
        "structure": Path(args.structure) if getattr(args, "structure", None) else None,
    }


def _cmd_samples(args: argparse.Namespace) -> int:
    table = samples.list_samples()
    for row in table.itertuples(index=False):
        print(f"{row.name:<14} {row.title}")
        print(f"{'':<14} {row.people} people; relations: {row.relations}; waves: {row.waves or '-'}")
        print(f"{'':<14} {row.description}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    net = load_input(args)
    print(format_report(net, lang=args.lang))
    return 0


def _cmd_edges(args: argparse.Namespace) -> int:
    out = check_output_file(args.output)
    net = load_input(args)
    with output_file(out) as temporary:
        neutralize_formulas(net.ties[["source", "target", "relation", "weight"]]).to_csv(temporary, index=False)
    print(f"Wrote {len(net.ties)} ties to {out}.")
    counts = net.report.counts()
    if counts:
        print(f"{sum(counts.values())} items were left out or need attention; run 'ona validate' to see them.")
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    check_output_file(args.output)
    net = load_input(args)
    with output_file(args.output) as temporary:
        rows = write_review(net, temporary)
    if rows:
        print(f"Wrote {rows} names that need a decision to {args.output}. Fill in the id column "
              "('-' = not on the roster) and pass the file with --resolutions.")
    else:
        print("No names need a decision.")
    return 0


def _expected_for(args: argparse.Namespace, net: OrgNetwork):  # type: ignore[no-untyped-def]
    """The declared collaborations: --expected, else the sample's own file, else none."""
    from ona.io.expected import read_expected

    expected_file = args.expected
    # A sample's own collaborations name departments, so they only apply when grouping by department.
    if (
        expected_file is None
        and args.roster is None
        and args.input[0] in samples.available()
        and args.grouping == "department"
    ):
        sample_expected = samples.expected_collaborations_path(args.input[0])
        expected_file = str(sample_expected) if sample_expected else None
    return read_expected(Path(expected_file), net, grouping=args.grouping) if expected_file else None


def _cmd_analyze(args: argparse.Namespace) -> int:
    from ona.measures.analysis import analyze
    from ona.findings import find_findings, person_labels, write_findings

    out = check_output_folder(args.output)
    net = load_input(args)
    if args.conditions:
        from ona.io.kit.answers import read_conditions

        net = net.with_changes(conditions=read_conditions(Path(args.conditions), net))
    expected = _expected_for(args, net)
    result = analyze(
        net,
        grouping=args.grouping,
        seed=args.seed,
        resolution=args.resolution,
        n_permutations=args.permutations,
        method=args.method,
        missing=args.missing,
        workers=2 if (os.cpu_count() or 1) > 1 else 1,  # betweenness and E-I test in a second process
    )
    findings = find_findings(net, expected=expected, grouping=args.grouping, seed=args.seed, missing=args.missing,
                             sensitivity=args.sensitivity, analysis=result)
    with output_folder(out, command="analyze") as temporary:  # one run per folder, moved into place when complete
        written = result.write(temporary)
        written += _collaboration_scan(net, expected, args.grouping, temporary, findings)
        written += write_findings(findings, temporary, args.lang, names=person_labels(net))
    written = [out / p.name for p in written]
    lang = args.lang
    label = f"'{net.name}'" if net.name else t("cli.the_network", lang)
    print(t("cli.analysed", lang, label=label, people=number(len(net), lang),
            respondents=number(len(net.respondents), lang), response=percent(net.response_rate, lang),
            relations=", ".join(relation_label(r, lang) for r in result.relations)))
    for relation in result.relations:
        figures = result.summary[relation]
        print(t("cli.relation_line", lang, relation=relation_label(relation, lang), ties=number(figures["ties"], lang),
                density=number(figures["density"], lang, 3), reciprocity=number(figures["reciprocity"], lang, 3),
                communities=number(figures["communities"], lang),
                method=str(figures.get("community_method", "")).capitalize(),
                stable=number(figures.get("communities_stable", 0), lang),
                grouping=t(f"field.{args.grouping}", lang).lower() if f"field.{args.grouping}" in STRINGS
                else args.grouping,
                nmi=number(figures["nmi_groups"], lang, 2)))
        if figures["betweenness_method"] == "sampled":
            print(f"    {figures['betweenness_note']}")
    high = [f for f in findings if f.level == "high"]
    print(t("cli.findings", lang, n=number(len(findings), lang), high=number(len(high), lang)))
    for finding in findings[:5]:
        print(t("cli.finding_line", lang, level=t(f"finding.level.{finding.level}", lang), text=finding.text[lang]))
    if args.sensitivity:
        robust = sum(1 for f in findings if f.robustness is not None and f.robustness.robust)
        print(t("methods.cli.robust", lang, robust=number(robust, lang), n=number(len(findings), lang)))
    print(t("cli.wrote", lang, n=number(len(written), lang), folder=Path(args.output),
            files=", ".join(p.name for p in written)))
    return 0


def _collaboration_scan(net: OrgNetwork, expected: Any, grouping: str, out: Path, findings: list) -> list[Path]:
    """The collaboration scan for ``ona analyze``: conditions.csv, perception.csv and their findings (added to
    `findings`, kept in severity order)."""
    from ona.findings.collaboration import collaboration_findings
    from ona.measures.conditions import conditions_scan
    from ona.measures.perception import perception_accuracy

    written: list[Path] = []
    scan = perception = None
    if net.conditions is not None and len(net.conditions):
        scan = conditions_scan(net, expected, grouping=grouping)
        written += scan.write(out)
    if net.perceived_ties is not None and len(net.perceived_ties):
        perception = perception_accuracy(net, grouping=grouping)
        neutralize_formulas(perception.groups).to_csv(out / "perception.csv", index=False)
        neutralize_formulas(perception.people).to_csv(out / "perception_people.csv", index=False)
        written += [out / "perception.csv", out / "perception_people.csv"]
    if scan is not None or perception is not None:
        extra = collaboration_findings(net, expected, grouping=grouping, scan=scan, perception=perception)
        findings[:] = sorted([*findings, *extra], key=lambda f: -f.severity)
    return written


def _cmd_publish(args: argparse.Namespace) -> int:
    from ona.privacy import screen_network
    from ona.workspace import publish

    from ona.workspace import is_workspace_folder

    policy, key, var = _policy(args)
    if args.grouping is None:
        args.grouping = policy.unit
    check_output_folder(args.output, owned=is_workspace_folder)
    net = load_input(args)
    expected = _expected_for(args, net)
    screened = screen_network(net, policy)
    screened.screen(args.grouping)  # a grouping the policy does not offer is refused before anything is written
    written = publish(
        net, args.output, policy=policy, expected=expected, lang=args.lang, seed=args.seed, grouping=args.grouping,
        screened=screened,
    )
    print(f"Wrote a manager workspace of {len(written)} files to {Path(args.output)} (groups: {args.grouping}).")
    # HR is told what managers will not see (HR may know it; the workspace does not say it).
    full = {g: net.groups(g).value_counts() for g in policy.groupings}
    for grouping, screen in screened.screens.items():
        small = sorted(set(full[grouping].index) - (screen.reportable - {policy.other_label}))
        if small:
            listed = ", ".join(f"{g} ({full[grouping][g]})" for g in small)
            print(f"By {grouping}, groups with fewer than {policy.k} members or respondents get no figures of "
                  f"their own: {listed}.")
            if policy.other_label in screen.reportable:
                print(f"  Those with people left are shown together as '{policy.other_label}'.")
    if screened.withheld:
        print(f"{len(screened.withheld)} people are left out of every manager view: their group stays below "
              f"{policy.k} under {', '.join(policy.groupings)} even when small groups are merged, so figures of "
              "the groups shown would otherwise give them away by difference.")
    if key is None and policy.person_level:
        print(
            f"No pseudonym key in {var}: when someone did not consent to be named, managers see nobody "
            "person by person (showing only the others would give them away through their ties). "
            f"Set {var} to a secret of at least 16 characters to show them under pseudonyms that stay "
            "the same in every wave."
        )
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from ona.findings.change import change_findings, compare_waves
    from ona.findings import findings_to_json, findings_to_markdown

    out = check_output_folder(args.output)
    inputs: list[str] = args.input
    if len(inputs) == 1 and args.roster is None and inputs[0] in samples.available():
        labels = args.waves or samples.waves(inputs[0])[:2]
        if len(labels) < 2:
            raise OnaError(f"The sample {inputs[0]!r} has only one wave; 'ona compare' needs two.")
        before = samples.load(inputs[0], wave=labels[0])
        after = samples.load(inputs[0], wave=labels[1])
    elif len(inputs) == 2 and args.roster:
        labels = args.waves or ["1", "2"]
        options = _reading_options(args)
        before = load_network(Path(inputs[0]), Path(args.roster), **{**options, "wave": labels[0]})
        after = load_network(
            Path(inputs[1]), Path(args.roster_after or args.roster), **{**options, "wave": labels[1]}
        )
    else:
        raise OnaError(
            "Give two inputs and a roster (ona compare BEFORE AFTER --roster ROSTER -o DIR) "
            "or a sample with two waves (ona compare municipality -o DIR)."
        )
    comparison = compare_waves(before, after, grouping=args.grouping)
    findings = change_findings(comparison)
    conditions_change = None
    if before.conditions is not None and after.conditions is not None:  # the collaboration scan's change
        from ona.findings.collaboration import condition_change_findings
        from ona.measures.conditions import compare_conditions, conditions_scan

        expected = _expected_for(args, before)
        scans = [conditions_scan(net, expected, grouping=args.grouping) for net in (before, after)]
        conditions_change = compare_conditions(*scans)
        findings += condition_change_findings(*scans, waves=(str(before.wave), str(after.wave)))
    with output_folder(out, command="compare") as temporary:
        written = comparison.write(temporary)
        if conditions_change is not None:
            neutralize_formulas(conditions_change).to_csv(temporary / "conditions_change.csv", index=False)
            written.append(temporary / "conditions_change.csv")
        (temporary / "change_findings.json").write_text(findings_to_json(findings), encoding="utf-8")
        (temporary / "change_findings.md").write_text(findings_to_markdown(findings, args.lang), encoding="utf-8")
        written += [temporary / "change_findings.json", temporary / "change_findings.md"]
    written = [out / p.name for p in written]
    lang = args.lang
    print(t("cli.compared", lang, before=before.wave, after=after.wave, panel=number(len(comparison.panel), lang)))
    for row in comparison.relations.itertuples(index=False):
        print(t("cli.compare_line", lang, relation=relation_label(row.relation, lang), kept=number(row.kept, lang),
                new=number(row.new, lang), lost=number(row.lost, lang), jaccard=number(row.jaccard, lang, 2)))
    for finding in findings[:5]:
        print(f"  - {finding.text[lang]}")
    print(t("cli.wrote", lang, n=number(len(written), lang), folder=out, files=", ".join(p.name for p in written)))
    return 0


def _cmd_survey_kit(args: argparse.Namespace) -> int:
    from ona.i18n import t
    from ona.io.expected import read_expected
    from ona.io.kit.write import survey_kit, write_survey_kit
    from ona.io.roster import read_roster

    if args.min_group_size is None:
        from ona.privacy import load_settings

        args.min_group_size = load_settings().policy.k
    roster = read_roster(Path(args.roster))
    groups = roster.frame[args.grouping].dropna().astype(str).unique().tolist() if args.grouping in\
        roster.frame.columns else []
    expected = read_expected(Path(args.expected), groups, grouping=args.grouping) if args.expected else None
    questionnaire, files = survey_kit(
        roster, expected, lang=args.lang, organisation=args.organisation, names=args.names,
        perception=not args.no_perception, dependency=not args.no_dependency, grouping=args.grouping,
        min_group_size=args.min_group_size, retention_months=args.months, contact=args.contact,
    )
    with output_folder(args.output, command="survey-kit") as temporary:  # one kit per folder, whole or not at all
        written = write_survey_kit(temporary, files)
        top = sorted({p.relative_to(temporary).parts[0] for p in written})
    print(t("kit.cli.written", args.lang, lang=args.lang, questions=len(questionnaire.questions),
            folder=args.output, files=", ".join(top)))
    return 0


def _two_waves(args: argparse.Namespace) -> tuple[OrgNetwork, OrgNetwork] | None:
    """The two waves of a change report (--later, or a sample with --waves), or None for a one-wave report."""
    inputs: list[str] = args.input
    is_sample = len(inputs) == 1 and args.roster is None and inputs[0] in samples.available()
    if args.later:
        if is_sample:
            raise OnaError("--later is for your own files; for a sample choose its waves with --waves BEFORE AFTER.")
        labels = args.waves or [args.wave or "1", "2"]
        options = _reading_options(args)
        before = load_input(argparse.Namespace(**{**vars(args), "wave": labels[0]}))
        later = [Path(i) for i in args.later]
        after = load_network(later if len(later) > 1 else later[0], Path(args.roster_later or args.roster),
                             **{**options, "wave": labels[1]})
        return before, after
    if args.waves:
        if not is_sample:
            raise OnaError("--waves labels two waves: give the later wave with --later TIES_OR_SURVEY.")
        known = samples.waves(inputs[0])
        unknown = [w for w in args.waves if w not in known]
        if unknown:
            raise OnaError(f"The sample {inputs[0]!r} has no wave {unknown[0]!r}; its waves are {', '.join(known) or '-'}.")
        return samples.load(inputs[0], wave=args.waves[0]), samples.load(inputs[0], wave=args.waves[1])
    return None


def _cmd_report(args: argparse.Namespace) -> int:
    from ona import documents

    fmt = _output_format(args, ("pdf", "pptx"))
    check_output_file(args.output)
    waves = _two_waves(args)
    policy = _policy(args)[0] if args.role == "manager" else None
    if waves is not None:
        content = _change_content(args, *waves, policy)
    else:
        net = load_input(args)
        view = _view(args, net, policy, expected=_expected_for(args, net))
        view.prepare(n_permutations=args.permutations)
        content = documents.build_report(documents.view_source(view, n_permutations=args.permutations), args.lang)
    out = write_output(args.output, documents.render(content, fmt))
    print(f"Wrote {out} ({fmt.upper()}, {'managers' if policy else 'HR'}, {args.lang}): a title page and "
          f"{len(content.sections)} sections.")
    return 0


def _view(args: argparse.Namespace, net: OrgNetwork, policy: Any, *, expected: Any = None,
          also: Sequence[OrgNetwork] = ()) -> Any:
    """What the reader may see: HR's view, or the manager view under the policy (screened once)."""
    from ona.views import AnalystView, ManagerView

    if policy is None:
        return AnalystView(net, grouping=args.grouping, expected=expected, seed=args.seed)
    return ManagerView(net, policy, grouping=args.grouping, expected=expected, seed=args.seed, also=also)


def _change_content(args: argparse.Namespace, before: OrgNetwork, after: OrgNetwork, policy: Any) -> Any:
    """The change report of two waves as the view's reader may see them (checked against the view's leak matcher)."""
    from ona import documents

    view = _view(args, before, policy, also=(after,))
    change = view.compare(before, after)
    if change is None:
        raise OnaError(
            f"Fewer than {policy.k} people answered both surveys, so a manager may see no change figures. "
            "Make the change report for HR (leave out --role manager)."
        )
    leaks = view.leaks
    return documents.build_change_report(change, lang=args.lang, title=before.name, names=view.person_labels(),
                                         audience=view.role, grouping=args.grouping,
                                         withheld=leaks if leaks is not None else frozenset())


def _cmd_draw(args: argparse.Namespace) -> int:
    """Draw what the reader's view holds (HR's, or the manager view under the privacy options): the view
    decides what may be seen, this command only draws it."""
    import networkx as nx

    from ona.i18n import relation_label, t
    from ona.viz import pictures

    fmt = _output_format(args, ("png", "svg"))
    check_output_file(args.output)
    net = load_input(args)
    if args.of_relation and args.of_relation not in net.relations:
        raise OnaError(f"There is no relation {args.of_relation!r}; choose one of: {', '.join(net.relations)}.")
    policy = _policy(args)[0] if args.role == "manager" else None
    expected = _expected_for(args, net) if args.picture == "conditions" else None
    view = _view(args, net, policy, expected=expected)
    chosen = [args.of_relation] if args.of_relation else (view.relations or list(net.relations))
    lang = args.lang
    what = ", ".join(relation_label(r, lang) for r in chosen)
    if args.picture == "network":
        relation = chosen[0]
        G = view.graph(relation)
        if policy is not None and not len(G):
            raise OnaError("Under this privacy policy managers see no people, only departments: draw "
                           "--picture departments or --picture matrix.")
        data = pictures.network_picture(G, color_by=view.person_grouping, seed=args.seed, lang=lang, format=fmt,
                                        title=f"{t('render.title.people', lang)}: {relation_label(relation, lang)}")
    elif args.picture == "conditions":
        data = _conditions_drawing(args, view, fmt)
    else:
        graphs = [view.group_graph(relation) for relation in chosen]
        H = nx.DiGraph()
        for part in graphs:
            for g, d in part.nodes(data=True):
                H.add_node(g, people=d.get("people", 0))
            for g, h, d in part.edges(data=True):
                H.add_edge(g, h, ties=H.get_edge_data(g, h, {"ties": 0})["ties"] + int(d.get("ties", 1)))
        title = f"{t('render.title.groups', lang, **grouping_words(args.grouping, lang))}: {what}"
        if args.picture == "departments":
            data = pictures.group_graph_picture(H, lang=lang, format=fmt, title=title)
        else:
            order = sorted(H.nodes)
            matrix = nx.to_pandas_adjacency(H, nodelist=order, weight="ties")
            for part in graphs:  # the diagonal: ties inside each group
                for g, d in part.nodes(data=True):
                    matrix.at[g, g] += int(d.get("internal_ties", 0))
            data = pictures.matrix_picture(matrix, lang=lang, format=fmt, title=title,
                                           row_label=t("report.matrix.rows", lang),
                                           column_label=t("report.matrix.columns", lang))
    out = write_output(args.output, data)
    print(f"Wrote {out} ({fmt.upper()}).")
    return 0


def _conditions_drawing(args: argparse.Namespace, view: Any, fmt: str) -> bytes:
    """The five conditions of one collaboration (--collaboration, default the first with answers), per group
    as the view shows them."""
    from ona.documents.files import conditions_file

    names = [str(c.name) for c in view.collaborations() if len(c.scores) and c.scores.notna().any().any()]
    if not names:
        raise OnaError("There are no answers about the five conditions to draw: ask them with the survey kit "
                       "('ona survey-kit') and give the declared collaborations with --expected FILE.")
    if args.collaboration and args.collaboration not in names:
        raise OnaError(f"There is no collaboration {args.collaboration!r} with answers; choose one of: "
                       f"{', '.join(names)}.")
    return conditions_file(view, args.collaboration, lang=args.lang, format=fmt)


#: Streamlit settings of ona's app, passed to ``streamlit run`` so they hold wherever ona is installed (the same
#: as the repository's .streamlit/config.toml): no usage statistics, no e-mail prompt, uploads up to 50 MB.
STREAMLIT_OPTIONS = (
    "--browser.gatherUsageStats", "false",
    "--server.showEmailPrompt", "false",
    "--server.maxUploadSize", "50",
    "--client.toolbarMode", "minimal",
)


def app_entry() -> Path:
    """The file ``streamlit run`` starts: the app inside the installed package, else a clone's ``app.py``.

    Raises
    ------
    OnaError
        If neither is there (an incomplete installation).
    """
    import importlib.util

    spec = importlib.util.find_spec("ona.app")  # located, not imported: the app imports streamlit
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        entry = Path(folder) / "main.py"
        if entry.is_file():
            return entry
    clone = Path(__file__).resolve().parent.parent / "app.py"
    if clone.is_file():
        return clone
    raise OnaError("The app is missing from this installation of ona. Reinstall ona (pip install --force-reinstall ona).")


def _cmd_app(args: argparse.Namespace) -> int:
    entry = app_entry()
    # Settings come as options, not from a folder's .streamlit/config.toml, so the app behaves the same from a
    # regular installation as from a clone; the user's own options come last and win.
    return subprocess.call([sys.executable, "-m", "streamlit", "run", str(entry), *STREAMLIT_OPTIONS,
                            *args.streamlit_args])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for a user error)."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["app"] and argv[1:] not in (["-h"], ["--help"]):
        # Everything after 'app' is for 'streamlit run', also options such as --server.port (which argparse's
        # REMAINDER would refuse when they come first).
        args = parser.parse_args(["app"])
        args.streamlit_args = argv[1:]
    else:
        args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except OnaError as exc:
        lang = args.lang if getattr(args, "func", None) is _cmd_validate else "en"  # validate --lang nl: Dutch
        text = str(exc) if lang == "en" else exc.message(lang)
        if lang != "en" and getattr(exc, "questions", None):  # the app's question table is the CLI's --relation
            from ona.i18n import t

            text += " " + t("ingest.text.map_hint", lang)
        print(f"ona: error: {text}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `ona validate ... | head`: the reader stopped listening
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # the disk, the permissions or the operating system, not ona: one sentence
        print(f"ona: error: {output_error(exc, getattr(exc, 'filename', None) or getattr(args, 'output', '') or '.')}",
              file=sys.stderr)
        return 2


def run() -> None:
    """The ``ona`` command (and ``python -m ona``): :func:`main`, then the process ends at once.

    When :func:`main` returns, every file is written and closed; what is left is Python freeing the
    analysis object by object, which for 10,000 people is 0.3 s of a 3-second run (``BENCHMARKS.md``).
    So the output is flushed and the process ends without it. :func:`main` itself returns, for callers
    in Python and for the tests.
    """
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said there
            pass
    os._exit(status)


if __name__ == "__main__":
    run()
