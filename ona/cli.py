"""The ``ona`` command line.

Every user error is printed as one sentence on stderr with exit status 2; a
traceback means a bug in ona.

    ona samples
    ona validate TIES_OR_SURVEY --roster ROSTER [--relation ...]
    ona edges TIES_OR_SURVEY --roster ROSTER [--relation ...] -o edges.csv
    ona analyze TIES_OR_SURVEY --roster ROSTER [--relation ...] -o DIR [--group-by ATTRIBUTE]
    ona analyze SAMPLE_NAME -o DIR
    ona publish TIES_OR_SURVEY --roster ROSTER [--expected FILE] -o DIR [--min-group-size K] [--key-env VAR]
    ona app
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ona import samples
from ona.exceptions import OnaError
from ona.ingest import load_network
from ona.model import OrgNetwork
from ona.report import format_report

__all__ = ["build_parser", "main"]


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
        p.set_defaults(func=func)

    p = sub.add_parser(
        "analyze",
        help="analyse every relation and write people.csv, groups.csv, group matrices and summary.json",
    )
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the results into")
    p.add_argument(
        "--group-by",
        default="department",
        metavar="ATTRIBUTE",
        help="roster column that defines groups (default: department)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed for communities and tests (default: 0)")
    p.add_argument(
        "--resolution", type=float, default=1.0, help="Louvain resolution; above 1 gives smaller communities (default: 1)"
    )
    p.add_argument(
        "--permutations",
        type=int,
        default=1000,
        metavar="N",
        help="permutations for the E-I and QAP tests; 0 skips them (default: 1000)",
    )
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser(
        "publish",
        help="write a privacy-filtered workspace for managers (figures, graphs and findings only)",
    )
    _add_input_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="new or empty folder for the workspace")
    p.add_argument("--expected", metavar="FILE", help="declared collaborations (collaboration,group) for the findings")
    p.add_argument(
        "--min-group-size", type=int, default=5, metavar="K",
        help="groups with fewer members or respondents get no figures of their own (default: 5)",
    )
    p.add_argument(
        "--key-env", metavar="VAR",
        help="environment variable holding the secret pseudonym key (default: ONA_PSEUDONYM_KEY)",
    )
    p.add_argument("--pseudonyms-only", action="store_true", help="show everyone by pseudonym, also with consent")
    p.add_argument("--groups-only", action="store_true", help="no people at all: group-level figures only")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of findings.md (default: nl)")
    p.add_argument("--group-by", default="department", metavar="ATTRIBUTE", help="roster column of the groups")
    p.add_argument("--seed", type=int, default=0, help="random seed for the analysis (default: 0)")
    p.set_defaults(func=_cmd_publish)

    p = sub.add_parser("app", help="open the Streamlit app in the browser")
    p.add_argument("streamlit_args", nargs=argparse.REMAINDER, help="extra arguments for 'streamlit run'")
    p.set_defaults(func=_cmd_app)
    return parser


def _add_input_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", nargs="+", help="edge list, matrix file(s) or survey export; or a sample name")
    p.add_argument("--roster", help="staff roster (CSV or XLSX); not needed for a sample name")
    p.add_argument(
        "--relation",
        action="append",
        default=[],
        metavar="NAME or TEXT=RELATION",
        help="relation name for a plain edge list or matrix, or (repeatable) map a survey question: "
        "'gevoelige werkkwestie=trust'",
    )
    p.add_argument("--resolutions", help="CSV of decisions on names under review (name,id)")
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
    relation = None
    mapping: dict[str, str] = {}
    for item in args.relation:
        if "=" in item:
            text, _, rel = item.rpartition("=")
            if not text.strip() or not rel.strip():
                raise OnaError(f"--relation {item!r} should read 'QUESTION TEXT=relation', e.g. 'advies=advice'.")
            mapping[text.strip()] = rel.strip()
        else:
            relation = item.strip()
    resolutions = _read_resolutions(args.resolutions) if getattr(args, "resolutions", None) else None
    ties = [Path(i) for i in inputs]
    return load_network(
        ties if len(ties) > 1 else ties[0],
        Path(args.roster),
        relation=relation,
        relations=mapping or None,
        resolutions=resolutions,
        wave=args.wave,
    )


def _read_resolutions(path: str) -> dict[str, str | None]:
    from ona._files import read_tables

    table = read_tables(Path(path))[0].with_header(0)
    columns = {c.lower(): c for c in table.columns}
    if "name" not in columns or "id" not in columns:
        raise OnaError(f"{path}: the resolutions file needs the columns 'name' and 'id' (id empty = not on the roster).")
    return {
        str(n): (str(i).strip() or None) for n, i in zip(table[columns["name"]], table[columns["id"]])
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
    print(format_report(net))
    return 0


def _cmd_edges(args: argparse.Namespace) -> int:
    net = load_input(args)
    out = Path(args.output)
    net.ties[["source", "target", "relation", "weight"]].to_csv(out, index=False)
    print(f"Wrote {len(net.ties)} ties to {out}.")
    counts = net.report.counts()
    if counts:
        print(f"{sum(counts.values())} items were left out or need attention; run 'ona validate' to see them.")
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from ona.analysis import analyze

    net = load_input(args)
    result = analyze(
        net,
        group_by=args.group_by,
        seed=args.seed,
        resolution=args.resolution,
        n_permutations=args.permutations,
    )
    written = result.write(args.output)
    label = f"'{net.name}'" if net.name else "the network"
    print(
        f"Analysed {label}: {len(net)} people, {len(net.respondents)} respondents "  # type: ignore[arg-type]
        f"({net.response_rate:.0%}); relations: {', '.join(result.relations)}."
    )
    for relation in result.relations:
        figures = result.summary[relation]
        print(
            f"  {relation}: {figures['ties']} ties, density {figures['density']:.3f}, "
            f"reciprocity {figures['reciprocity']:.3f}, {figures['communities']} communities "
            f"(NMI with {args.group_by} {figures['nmi_departments']:.2f})"
        )
        if figures["betweenness_method"] == "sampled":
            print(f"    {figures['betweenness_note']}")
    print(f"Wrote {len(written)} files to {Path(args.output)}: {', '.join(p.name for p in written)}.")
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    import os

    from ona.expected import read_expected
    from ona.privacy import DEFAULT_KEY_ENV, PrivacyPolicy, key_from_env, screen_groups
    from ona.publish import publish

    var = args.key_env or DEFAULT_KEY_ENV
    key = key_from_env(var, os.environ)
    if key is None and args.key_env:
        raise OnaError(
            f"The environment variable {var} named by --key-env is not set. "
            f"Set it to your organisation's secret pseudonym key, e.g. export {var}=..."
        )
    policy = PrivacyPolicy(
        min_group_size=args.min_group_size, key=key, show_names=not args.pseudonyms_only,
        person_level=not args.groups_only,
    )
    net = load_input(args)
    expected_file = args.expected
    if expected_file is None and args.roster is None and args.input[0] in samples.available():
        sample_expected = samples.expected_collaborations_path(args.input[0])
        expected_file = str(sample_expected) if sample_expected else None
    expected = read_expected(Path(expected_file), net, attribute=args.group_by) if expected_file else None
    written = publish(
        net, args.output, policy=policy, expected=expected, lang=args.lang, seed=args.seed, group_by=args.group_by
    )
    screen = screen_groups(net, policy, attribute=args.group_by)
    print(f"Wrote a manager workspace of {len(written)} files to {Path(args.output)}.")
    if screen.withheld:
        small = ", ".join(f"{g} ({screen.table.at[g, 'members']})" for g in sorted(screen.withheld))
        print(f"Groups with fewer than {policy.k} members or respondents get no figures of their own: {small}.")
        if policy.other_label in screen.reportable:
            print(f"Together they are shown as '{policy.other_label}'.")
        else:
            print(f"Together they are still fewer than {policy.k}, so '{policy.other_label}' gets no figures either.")
    if key is None and policy.person_level:
        print(
            f"No pseudonym key in {var}: people without consent are left out of person-level views. "
            f"Set {var} to a secret of at least 16 characters to show them under pseudonyms that stay "
            "the same in every wave."
        )
    return 0


def _cmd_app(args: argparse.Namespace) -> int:
    app = Path(__file__).resolve().parent.parent / "app.py"
    if not app.exists():
        raise OnaError("The app (app.py) is not next to the ona package; run ona from a clone of the repository.")
    # Run from the repository so Streamlit picks up .streamlit/config.toml (no telemetry, upload limit).
    return subprocess.call([sys.executable, "-m", "streamlit", "run", str(app), *args.streamlit_args], cwd=app.parent)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for a user error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except OnaError as exc:
        print(f"ona: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
