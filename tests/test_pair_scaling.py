"""The pair-of-groups findings without a row per pair: same results as all pairs, memory bounded by the ties.

Expected values come from a brute force written here over every pair of groups (Python loops over a dense
group matrix, the definitions of ``cross_group_ties`` and the typical rate), and from the detectors run over
every pair (``every=True``, the table the findings built before); the two must give the very same detections,
in the same order, with the same evidence, on random organisations with random group sizes, groups too small
to judge, people without a group, non-respondents, weights and declared pairs.
"""

from __future__ import annotations

import json
import math
import statistics
import tracemalloc
from functools import partial

import numpy as np
import pandas as pd
import pytest

from ona import samples
from ona.findings import find as find_module
from ona.findings import find_findings
from ona.findings.detectors import (
    MIN_GAP_EXPECTED,
    PairMixing,
    Thresholds,
    declared_pairs,
    detect_pairs,
    pair_volumes,
    round4,
)
from ona.findings.find import group_patterns
from ona.findings.pairs import pair_status
from ona.io.expected import read_expected
from ona.measures.engines import GroupCodes, TieArrays
from ona.model import UNKNOWN_GROUP


def random_org(seed: int, *, declare: bool | None = None) -> tuple[TieArrays, GroupCodes, dict | None]:
    """Groups of 1-30 people (some people without a group), dense blocks inside, some pairs tied, many not."""
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 40))
    sizes = rng.integers(1, 30, size=k)
    n = int(sizes.sum())
    codes = np.repeat(np.arange(k), sizes)
    labels = [f"G{i:02d}" for i in range(k)]
    values: list = [labels[c] for c in codes]
    if rng.random() < 0.5:
        for j in rng.choice(n, size=n // 10):
            values[j] = None
    responded = rng.random(n) < rng.uniform(0.3, 1.0)
    p = rng.uniform(0, 0.02, size=(k, k)) * (rng.random((k, k)) < 0.4)
    p[np.diag_indices(k)] = rng.uniform(0.05, 0.5, size=k)
    source, target = np.nonzero(rng.random((n, n)) < p[codes][:, codes])
    keep = (source != target) & responded[source]
    source, target = source[keep], target[keep]
    weights = rng.integers(1, 4, size=len(source)).astype(float)
    arrays = TieArrays(tuple(range(n)), source, target, weights, responded)
    groups = GroupCodes.from_values(values, "department")
    pairs = [(labels[a], labels[b]) for a, b in rng.integers(0, k, size=(int(rng.integers(1, 6)), 2)) if a != b]
    if declare is None:
        declare = bool(rng.random() < 0.5)
    return arrays, groups, (declared_pairs(pairs) if declare and pairs else None)


def brute_force(arrays: TieArrays, groups: GroupCodes, th: Thresholds, weighted: bool) -> tuple[dict, float, float]:
    """Every pair of active groups: {(a, b): (t_ab, t_ba, expected rounded, ratio)}, the typical rate and the
    median ratio, with Python loops over a dense group matrix."""
    k = groups.k
    w = arrays.weight if weighted else np.ones(arrays.m)
    matrix = np.zeros((k, k))
    for u, v, x in zip(arrays.source.tolist(), arrays.target.tolist(), w.tolist()):
        matrix[groups.codes[u], groups.codes[v]] += x
    out, inc, total = matrix.sum(axis=1), matrix.sum(axis=0), matrix.sum()
    respondents = np.bincount(groups.codes[arrays.responded], minlength=k)
    tied = np.bincount(groups.codes[np.concatenate([arrays.source, arrays.target])], minlength=k) > 0
    active = [g for g in range(k) if groups.sizes[g] >= th.min_group_size and respondents[g] > 0 and tied[g]
              and groups.labels[g] != UNKNOWN_GROUP]
    rows = {}
    for i, a in enumerate(active):
        for b in active[i + 1:]:
            e = float(out[a] * inc[b] / total + out[b] * inc[a] / total)
            ties = float(matrix[a, b] + matrix[b, a])
            # Python's round (numpy's rounds 0.05875, stored just below, up)
            rows[(a, b)] = (matrix[a, b], matrix[b, a], round(e, 4), ties / e if e else math.nan)
    median = statistics.median([r[3] for r in rows.values() if not math.isnan(r[3])] or [math.nan])
    usable = {key: r for key, r in rows.items() if r[2] > 0}
    if len(usable) < 3:
        return rows, 1.0, median
    observed: dict[int, float] = {}
    expected: dict[int, float] = {}
    for (a, b), r in usable.items():
        for g in (a, b):
            observed[g] = observed.get(g, 0.0) + r[0] + r[1]
            expected[g] = expected.get(g, 0.0) + r[2]
    return rows, min(1.0, statistics.median([observed[g] / expected[g] for g in observed])), median


def plain(detections) -> list:
    return [(d.kind, d.severity, d.groups, d.people, json.dumps(d.evidence, sort_keys=True)) for d in detections]


@pytest.mark.parametrize("seed", range(25))
def test_the_mixing_of_every_pair_equals_a_brute_force(seed: int) -> None:
    arrays, groups, declared = random_org(seed)
    for weighted in (False, True):
        for th in (Thresholds(), Thresholds(min_group_size=1)):
            mixing = PairMixing(arrays, groups, th, weighted=weighted)
            rows, b, median = brute_force(arrays, groups, th, weighted)
            table = mixing.table(mixing.all_codes())
            got = {(r.code_a, r.code_b): (r.ties_ab, r.ties_ba, r.expected, r.ratio) for r in table.itertuples()}
            assert list(got) == sorted(rows)  # every pair, in the order of the codes
            for key, (t_ab, t_ba, e, ratio) in rows.items():
                assert got[key][:3] == (t_ab, t_ba, e)
                assert got[key][3] == pytest.approx(ratio, rel=1e-12, nan_ok=True)
            assert mixing.typical_rate == pytest.approx(b, rel=1e-12)
            assert mixing.median_ratio == pytest.approx(median, rel=1e-12, nan_ok=True)
            # the pairs that can matter: every pair with ties, every declared pair, every pair whose lack of
            # ties could be a gap; and no more than the ties, the declared pairs and 2T / MIN_GAP_EXPECTED
            telling = set(map(int, mixing.telling_codes(declared)))
            must = {a * groups.k + b for (a, b), r in rows.items()
                    if r[0] + r[1] > 0 or (r[2] > 0 and math.exp(-r[2]) < 0.1)}
            code_of = {label: c for c, label in enumerate(groups.labels)}
            for a, b, _ in (declared or {}).values():
                ca, cb = sorted((code_of[a], code_of[b]))
                if (ca, cb) in rows:
                    must.add(ca * groups.k + cb)
            assert must <= telling
            assert len(telling) <= len(must) + 2 * mixing.total / MIN_GAP_EXPECTED


@pytest.mark.parametrize("seed", range(40))
def test_gaps_and_bridges_from_the_pairs_that_matter_equal_those_from_every_pair(seed: int) -> None:
    arrays, groups, declared = random_org(seed)
    for weighted in (False, True):
        for th in (Thresholds(), Thresholds(min_group_size=1, bridge_min_ties=1, bridge_max_people=3)):
            for chosen in (declared, None):
                gaps, bridges = detect_pairs(arrays, groups, chosen, th, weighted=weighted)
                all_gaps, all_bridges = detect_pairs(arrays, groups, chosen, th, weighted=weighted, every=True)
                assert plain(gaps) == plain(all_gaps) and plain(bridges) == plain(all_bridges)


def test_the_random_organisations_have_gaps_without_any_tie() -> None:
    """The cases above include pairs that are gaps with no tie at all: found without visiting every pair."""
    empty = 0
    for seed in range(40):
        arrays, groups, _ = random_org(seed)
        gaps, _ = detect_pairs(arrays, groups, None, Thresholds(), weighted=False)
        empty += sum(d.evidence["ties"] == 0 for d in gaps)
    assert empty >= 20


@pytest.mark.parametrize("seed", range(15))
def test_pair_volumes_of_the_pairs_that_matter(seed: int) -> None:
    """The pairs left out of the sparse volumes are the ones whose status is thin or unknown."""
    arrays, groups, declared = random_org(seed, declare=True)
    th = Thresholds()
    every = pair_volumes(arrays, groups, th, weighted=True)
    sparse = pair_volumes(arrays, groups, th, weighted=True, every=False, declared=declared)
    key = ["group_a", "group_b"]
    merged = every.merge(sparse, on=key, how="left", suffixes=("", "_sparse"), indicator=True)
    kept = merged["_merge"] == "both"
    pd.testing.assert_frame_equal(sparse.reset_index(drop=True),
                                  every.loc[kept.to_numpy()].reset_index(drop=True))
    left_out = every.loc[~kept.to_numpy()]
    assert all(pair_status(r.ties, r.expected, th) in ("thin", "unknown") for r in left_out.itertuples())
    assert (left_out["ties"] == 0).all()


def test_find_findings_equals_every_pair_on_the_samples(monkeypatch) -> None:
    th = Thresholds(silo_permutations=100)
    net = samples.load("municipality")
    expected = read_expected(samples.expected_collaborations_path("municipality"), net)
    cases = [(samples.load("lazega"), {}), (net, {}), (net, {"expected": expected}), (net, {"grouping": "team"})]
    sparse = [find_findings(n, thresholds=th, **options) for n, options in cases]
    monkeypatch.setattr(find_module, "detect_pairs", partial(detect_pairs, every=True))
    monkeypatch.setattr(find_module, "pair_volumes", lambda *a, **kw: pair_volumes(*a, **{**kw, "every": True}))
    for (n, options), found in zip(cases, sparse):
        again = find_findings(n, thresholds=th, **options)
        assert [(f.kind, f.severity, f.groups, f.people, f.evidence, f.text) for f in found] == \
               [(f.kind, f.severity, f.groups, f.people, f.evidence, f.text) for f in again]


def test_rounding_to_four_decimals_is_pythons() -> None:
    rng = np.random.default_rng(3)
    values = np.concatenate([
        rng.integers(0, 10**6, 20_000) / rng.integers(1, 10**5, 20_000),  # ratios of counts, as expected ties are
        (np.arange(20_000) + 0.5) / 10_000, np.array([0.00005, 0.00015, 0.03125, 1e-9, 0.0, 123456.78905]),
    ])
    assert round4(values).tolist() == [round(v, 4) for v in values.tolist()]


def test_many_distinct_group_totals_are_summed_in_closed_form(monkeypatch) -> None:
    """Beyond the profile budget the typical rate leaves out the per-pair rounding: within 1e-4 of it."""
    from ona.findings import detectors

    for seed in range(10):
        arrays, groups, _ = random_org(seed)
        exact = PairMixing(arrays, groups, Thresholds(), weighted=False).typical_rate
        monkeypatch.setattr(detectors, "_PROFILE_CELLS", 0)
        closed = PairMixing(arrays, groups, Thresholds(), weighted=False).typical_rate
        monkeypatch.undo()
        assert closed == pytest.approx(exact, rel=1e-4)


def test_memory_grows_with_the_ties_not_with_the_pairs_of_groups() -> None:
    """100,000 people in 5,000 departments with 20,000 ties: 12.5 million pairs of departments. One int64 per
    pair would take 100 MB; the gaps, bridges, silos and pair volumes stay far below."""
    n, size, m = 100_000, 20, 20_000
    rng = np.random.default_rng(0)
    source, target = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = source != target
    responded = np.zeros(n, dtype=bool)
    responded[source] = True
    arrays = TieArrays(tuple(range(n)), source[keep], target[keep], np.ones(int(keep.sum())), responded)
    groups = GroupCodes(np.arange(n, dtype=np.int64) // size, tuple(f"D{i:04d}" for i in range(n // size)),
                        "department")
    th = Thresholds(silo_permutations=50)
    all_pairs = groups.k * (groups.k - 1) // 2
    tracemalloc.start()
    try:
        found = group_patterns(arrays, groups, None, th, False, 0)
        volumes = pair_volumes(arrays, groups, th, weighted=False, every=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all_pairs == 12_497_500 and len(volumes) < arrays.m
    assert peak < all_pairs * 8 / 4, f"peak {peak / 2**20:.0f} MB"
    assert found  # the weakest pairs are still reported
