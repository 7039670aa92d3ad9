"""Layer overlap, QAP correlation and MRQAP (DSP): published Krackhardt figures and slow references."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from ona import OnaError, samples
from ona.measures import qap as qap_module
from ona.measures.qap import layer_overlap, mrqap, qap_correlation


@pytest.fixture(scope="module")
def krackhardt():
    return samples.load("krackhardt")


def _dense(G: nx.DiGraph, nodes: list) -> np.ndarray:
    return nx.to_numpy_array(G, nodelist=nodes, weight=None)


def test_mrqap_reproduces_the_published_krackhardt_regression(krackhardt):
    # Advice regressed on friendship and reports-to (i -> j: i reports to j): published coefficients
    # 0.136 (friendship) and 0.472 (reports-to), intercept 0.397.
    result = mrqap(
        krackhardt.graph("advice"),
        {"friendship": krackhardt.graph("friendship"), "reports_to": krackhardt.graph("reports_to")},
        n_permutations=500,
        seed=1,
    )
    table = result.coefficients.set_index("term")
    assert list(table.index) == ["intercept", "friendship", "reports_to"]
    assert table.loc["friendship", "coefficient"] == pytest.approx(0.136, abs=5e-4)
    assert table.loc["reports_to", "coefficient"] == pytest.approx(0.472, abs=5e-4)
    assert result.intercept == pytest.approx(0.397, abs=5e-4)
    assert result.cells == 21 * 20 and result.method == "DSP"
    # Reporting lines predict advice far beyond chance; friendship does not reach 5% here.
    assert table.loc["reports_to", "p_value"] < 0.01
    assert table.loc["friendship", "p_value"] > 0.05


def test_mrqap_ols_matches_numpy(krackhardt):
    nodes = list(krackhardt.graph("advice"))
    Y, F, R = (_dense(krackhardt.graph(r), nodes) for r in ("advice", "friendship", "reports_to"))
    off = ~np.eye(len(nodes), dtype=bool)
    X = np.column_stack([np.ones(off.sum()), F[off], R[off]])
    beta, residuals, *_ = np.linalg.lstsq(X, Y[off], rcond=None)
    r2 = 1 - residuals[0] / ((Y[off] - Y[off].mean()) ** 2).sum()
    predictors = {"f": krackhardt.graph("friendship"), "r": krackhardt.graph("reports_to")}
    result = mrqap(krackhardt.graph("advice"), predictors, n_permutations=10, seed=0)
    assert np.allclose(result.coefficients["coefficient"], beta)
    assert result.r_squared == pytest.approx(r2)
    sigma2 = residuals[0] / (len(X) - 3)
    se = np.sqrt(np.diag(np.linalg.inv(X.T @ X)) * sigma2)
    assert np.allclose(result.coefficients["std_error"], se)


def test_dsp_permutation_t_values_match_a_slow_reference(krackhardt):
    # Dekker et al. (2007) DSP written out with full OLS per permutation, using the same permutations.
    n_perm, seed = 40, 3
    names = ["friendship", "reports_to"]
    predictors = {k: krackhardt.graph(k) for k in names}
    result = mrqap(krackhardt.graph("advice"), predictors, n_permutations=n_perm, seed=seed)
    nodes = list(krackhardt.graph("advice"))
    r = len(nodes)
    off = ~np.eye(r, dtype=bool)
    y = _dense(krackhardt.graph("advice"), nodes)[off]
    predictors = [_dense(krackhardt.graph(k), nodes)[off] for k in names]
    rng = np.random.default_rng(seed)
    for j, name in enumerate(names):
        others = np.column_stack([np.ones(len(y))] + [p for i, p in enumerate(predictors) if i != j])
        gamma, *_ = np.linalg.lstsq(others, predictors[j], rcond=None)
        residual = np.zeros((r, r))
        residual[off] = predictors[j] - others @ gamma
        perms = np.argsort(rng.random((n_perm, r)), axis=1)
        t_values = []
        for p in perms:
            X = np.column_stack([others, residual[p][:, p][off]])
            beta, ss, *_ = np.linalg.lstsq(X, y, rcond=None)
            sigma2 = ss[0] / (len(y) - X.shape[1])
            t_values.append(beta[-1] / np.sqrt(sigma2 * np.linalg.inv(X.T @ X)[-1, -1]))
        t_obs = result.coefficients.set_index("term").loc[name, "t"]
        expected_p = (1 + np.sum(np.abs(t_values) >= abs(t_obs) - 1e-9)) / (1 + n_perm)
        assert result.coefficients.set_index("term").loc[name, "p_value"] == pytest.approx(expected_p)


def test_mrqap_under_the_null_is_not_significant():
    # Two unrelated random networks: the p-value should be unremarkable.
    G = nx.gnp_random_graph(30, 0.2, seed=1, directed=True)
    H = nx.gnp_random_graph(30, 0.2, seed=2, directed=True)
    result = mrqap(G, {"other": H}, n_permutations=300, seed=0)
    assert result.coefficients.set_index("term").loc["other", "p_value"] > 0.05


def test_mrqap_errors(krackhardt, monkeypatch):
    G = krackhardt.graph("advice")
    with pytest.raises(OnaError, match="at least one predictor"):
        mrqap(G, {})
    with pytest.raises(OnaError, match="collinear"):
        mrqap(G, {"a": krackhardt.graph("friendship"), "b": krackhardt.graph("friendship")}, n_permutations=5)
    with pytest.raises(OnaError, match="different people"):
        mrqap(G, {"x": nx.DiGraph([("a", "b")])})
    monkeypatch.setattr(qap_module, "MRQAP_NODES_UP_TO", 10)
    with pytest.raises(OnaError, match="limited to 10 people"):
        mrqap(G, {"f": krackhardt.graph("friendship")})


def test_qap_correlation_matches_numpy_and_a_slow_permutation_loop(krackhardt):
    G, H = krackhardt.graph("advice"), krackhardt.graph("friendship")
    n_perm, seed = 200, 4
    result = qap_correlation(G, H, n_permutations=n_perm, seed=seed)
    nodes = list(G)
    X, Y = _dense(G, nodes), _dense(H, nodes)
    off = ~np.eye(len(nodes), dtype=bool)
    assert result.correlation == pytest.approx(np.corrcoef(X[off], Y[off])[0, 1])
    rng = np.random.default_rng(seed)
    perms = [rng.permutation(len(nodes)) for _ in range(n_perm)]
    # ona relabels the relation with more ties (advice, X); relabelling either gives the same null distribution.
    permuted = np.array([np.corrcoef(X[p][:, p][off], Y[off])[0, 1] for p in perms])
    assert result.expected == pytest.approx(permuted.mean())
    assert result.p_greater == pytest.approx((1 + np.sum(permuted >= result.correlation - 1e-12)) / (1 + n_perm))
    # Permutations that tie with the observed correlation count as extreme (binary ties make ties common).
    as_extreme = np.abs(permuted) >= abs(result.correlation) - 1e-9
    assert result.p_value == pytest.approx((1 + np.sum(as_extreme)) / (1 + n_perm))
    assert result.cells == 420


def test_qap_lookup_paths_agree(monkeypatch, krackhardt):
    # Bitmap and binary-search lookups, binary and valued ties, give the same permutation distribution.
    G = samples.load("municipality").graph("collaboration")
    H = samples.load("municipality").graph("advice")
    results = {}
    for path, cells in (("bitmap", 10**9), ("search", 0)):
        monkeypatch.setattr(qap_module, "_BITMAP_CELLS", cells)
        for weight in (None, "weight"):
            results[path, weight] = qap_correlation(G, H, weight=weight, n_permutations=30, seed=2)
    assert results["bitmap", None] == results["search", None]
    assert results["bitmap", "weight"] == results["search", "weight"]
    assert results["bitmap", None].correlation != results["bitmap", "weight"].correlation


def test_qap_correlation_valued_and_identical():
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 3.0), ("b", "c", 1.0), ("c", "d", 2.0), ("d", "a", 1.0)])
    result = qap_correlation(G, G.copy(), weight="weight", n_permutations=50, seed=0)
    assert result.correlation == pytest.approx(1.0)
    assert result.p_greater <= 0.1


def test_qap_uses_only_respondents(tiny_network):
    # 'e' did not respond: the 4 respondents give 4 * 3 cells.
    result = qap_correlation(tiny_network.graph("advice"), tiny_network.graph("trust"), n_permutations=10, seed=0)
    assert result.cells == 12


def test_layer_overlap_hand_checked(tiny_network):
    advice = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    trust = nx.DiGraph([("a", "b"), ("c", "b")])
    overlap = layer_overlap(advice, trust)
    assert overlap == {
        "ties_first": 3, "ties_second": 2, "both": 1, "jaccard": 0.25,
        "share_of_first_in_second": 1 / 3, "share_of_second_in_first": 0.5,
    }  # fmt: skip
    # tiny network: advice a<->b, b->c, c->d; trust d->a: nothing in common.
    assert layer_overlap(tiny_network.graph("advice"), tiny_network.graph("trust"))["both"] == 0


def test_graphs_with_nodes_in_another_order_are_aligned(krackhardt):
    G = krackhardt.graph("advice")
    H = nx.DiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(G.edges)
    assert qap_correlation(G, H, n_permutations=5, seed=0).correlation == pytest.approx(1.0)
    assert layer_overlap(G, H)["jaccard"] == 1.0


def test_qap_errors():
    with pytest.raises(OnaError, match="at least 1"):
        qap_correlation(nx.DiGraph([("a", "b")]), nx.DiGraph([("a", "b")]), n_permutations=0)
    with pytest.raises(OnaError, match="at least three"):
        qap_correlation(nx.DiGraph([("a", "b")]), nx.DiGraph([("a", "b")]))
