r"""Relations compared: layer overlap, QAP correlation and MRQAP regression.

Ties in network data are not independent (one person's many ties share that
person), so ordinary p-values do not apply. The quadratic assignment procedure
(QAP) instead relabels the people of one network at random, permuting rows and
columns of its matrix together, which keeps every structural dependency
intact and breaks only the link between the two networks [1]_ [2]_. Multiple
regression QAP (MRQAP) tests each predictor with Dekker, Krackhardt and
Snijders' *double semi-partialling* (DSP), which stays accurate when
predictors are correlated [3]_.

All computations cover the cells :math:`(i, j)`, :math:`i \ne j`, among the
people who responded: a non-respondent's row is unknown, not empty. Permutations
are vectorised in numpy.

References
----------
.. [1] Krackhardt, David. 1987. "QAP Partialling as a Test of Spuriousness."
   Social Networks 9 (2): 171-86. https://doi.org/10.1016/0378-8733(87)90012-8
.. [2] Krackhardt, David. 1988. "Predicting with Networks: Nonparametric
   Multiple Regression Analysis of Dyadic Data." Social Networks 10 (4):
   359-81. https://doi.org/10.1016/0378-8733(88)90004-4
.. [3] Dekker, David, David Krackhardt, and Tom A. B. Snijders. 2007.
   "Sensitivity of MRQAP Tests to Collinearity and Autocorrelation
   Conditions." Psychometrika 72 (4): 563-81.
   https://doi.org/10.1007/s11336-007-9016-1
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from ona.measures.engines import TieArrays
from ona.exceptions import OnaError

__all__ = [
    "MRQAPResult",
    "MRQAP_NODES_UP_TO",
    "QAPResult",
    "RespondentCells",
    "aligned_arrays",
    "layer_overlap",
    "mrqap",
    "overlap_arrays",
    "qap_correlation",
    "qap_correlation_arrays",
    "respondent_cells",
]

#: MRQAP builds dense person-by-person matrices; it accepts up to this many respondents.
MRQAP_NODES_UP_TO = 2_000
#: Cells x permutations per numpy batch.
_BATCH_CELLS = 8_000_000
#: QAP looks cells up in a bitmap of r x r bits up to this size (50 MB), else by binary search.
_BITMAP_CELLS = 400_000_000


@dataclass(frozen=True)
class QAPResult:
    """The result of :func:`qap_correlation`.

    Attributes
    ----------
    correlation : float
        Pearson correlation of the two matrices over the off-diagonal cells.
    p_value : float
        Two-sided: :math:`(1 + \\#\\{|r_\\pi| \\ge |r|\\}) / (1 + N_\\pi)`, never zero
        (Phipson and Smyth 2010).
    p_greater, p_less : float
        One-sided: :math:`r_\\pi \\ge r` and :math:`r_\\pi \\le r`.
    expected, sd : float
        Mean and standard deviation of the correlation under permutation.
    n_permutations : int
    cells : int
        Number of cells compared: :math:`r(r-1)` for :math:`r` respondents.
    """

    correlation: float
    p_value: float
    p_greater: float
    p_less: float
    expected: float
    sd: float
    n_permutations: int
    cells: int


@dataclass(frozen=True)
class MRQAPResult:
    """The result of :func:`mrqap`.

    Attributes
    ----------
    coefficients : pandas.DataFrame
        One row per term (``"intercept"`` first, then the predictors in the
        order given): ``term, coefficient, std_error, t, p_value`` (two-sided,
        from the permutation distribution of t; ``nan`` for the intercept),
        ``p_greater``, ``p_less``.
    r_squared, adj_r_squared : float
    cells : int
        Number of cells (observations) in the regression.
    n_permutations : int
    method : str
        ``"DSP"`` (double semi-partialling).
    """

    coefficients: pd.DataFrame
    r_squared: float
    adj_r_squared: float
    cells: int
    n_permutations: int
    method: str = "DSP"

    @property
    def intercept(self) -> float:
        return float(self.coefficients.set_index("term").loc["intercept", "coefficient"])


def layer_overlap(G: nx.Graph, H: nx.Graph) -> dict[str, float]:
    r"""Return how much two relations among the same people overlap.

    Counts ties present in both (same direction), and the Jaccard index

    .. math:: J = \frac{|T_G \cap T_H|}{|T_G \cup T_H|}

    plus the share of each relation's ties found in the other (e.g. "how much
    of the advice goes to people one also trusts"). Only ties sent by people
    who responded in both are compared.

    Returns
    -------
    dict
        ``ties_first, ties_second, both, jaccard, share_of_first_in_second,
        share_of_second_in_first``.

    Raises
    ------
    OnaError
        If the two graphs do not hold the same people.

    Examples
    --------
    >>> advice = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> trust = nx.DiGraph([("a", "b"), ("c", "b")])
    >>> layer_overlap(advice, trust)["jaccard"]
    0.25
    """
    return overlap_arrays(*_aligned(G, H))


def qap_correlation(
    G: nx.Graph,
    H: nx.Graph,
    *,
    weight: str | None = None,
    n_permutations: int = 1000,
    seed: int | None = None,
) -> QAPResult:
    r"""Return the QAP correlation of two relations among the same people, with permutation p-values.

    .. math:: r = \frac{\sum_{i \ne j}(x_{ij} - \bar x)(y_{ij} - \bar y)}
              {\sqrt{\sum_{i \ne j}(x_{ij} - \bar x)^2 \sum_{i \ne j}(y_{ij} - \bar y)^2}}

    compared with the correlations after relabelling the people of `H` at
    random (:math:`y_{\pi(i)\pi(j)}`) `n_permutations` times [1]_. Works on
    sparse tie lists, so it scales to large networks.

    Parameters
    ----------
    G, H : NetworkX graphs
        Two relations on the same node set (e.g. ``net.graph("advice")`` and
        ``net.graph("trust")``).
    weight : str or None, optional (default=None)
        Edge attribute for valued ties; None uses 0/1.
    n_permutations : int, optional (default=1000)
    seed : int or None, optional

    Returns
    -------
    QAPResult

    Raises
    ------
    OnaError
        If the graphs hold different people, fewer than three respondents, or
        `n_permutations` is less than 1.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> result = qap_correlation(G, G.copy(), n_permutations=100, seed=0)
    >>> result.correlation
    1.0

    References
    ----------
    .. [1] Krackhardt, David. 1987. "QAP Partialling as a Test of
       Spuriousness." Social Networks 9 (2): 171-86.
       https://doi.org/10.1016/0378-8733(87)90012-8
    """
    if n_permutations < 1:
        raise OnaError(f"n_permutations must be at least 1, not {n_permutations}.")
    first, second = _aligned(G, H, weight)
    x, y = respondent_cells(first, second)
    return qap_correlation_arrays(x, y, n_permutations=n_permutations, seed=seed)


def mrqap(
    G: nx.Graph,
    predictors: Mapping[str, nx.Graph],
    *,
    weight: str | None = None,
    n_permutations: int = 1000,
    seed: int | None = None,
) -> MRQAPResult:
    r"""Regress one relation on others with MRQAP and double semi-partialling (DSP).

    Ordinary least squares over the off-diagonal cells,

    .. math:: y_{ij} = \beta_0 + \sum_k \beta_k x^{(k)}_{ij} + \varepsilon_{ij},

    gives the coefficients and :math:`R^2` [1]_. Each :math:`\beta_k` is tested
    by DSP [2]_: :math:`x^{(k)}` is regressed on the other predictors, the
    residual matrix is permuted (rows and columns together) and put back in
    the regression in place of :math:`x^{(k)}`; the two-sided p-value is
    :math:`(1 + \#\{|t_\pi| \ge |t|\})/(1 + N_\pi)`.

    Parameters
    ----------
    G : NetworkX graph
        The dependent relation.
    predictors : mapping of str to NetworkX graph
        Name -> predictor relation, on the same people as `G`.
    weight : str or None, optional (default=None)
        Edge attribute for valued ties; None uses 0/1.
    n_permutations : int, optional (default=1000)
    seed : int or None, optional

    Returns
    -------
    MRQAPResult

    Raises
    ------
    OnaError
        If a predictor holds different people, there are no predictors, more
        than :data:`MRQAP_NODES_UP_TO` respondents, or the predictors are
        perfectly collinear.

    Examples
    --------
    >>> friends = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
    >>> advice = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("a", "d")])
    >>> result = mrqap(advice, {"friendship": friends}, n_permutations=50, seed=0)
    >>> result.coefficients[["term", "coefficient"]].round(3).values.tolist()
    [['intercept', 0.125], ['friendship', 0.875]]

    References
    ----------
    .. [1] Krackhardt, David. 1988. "Predicting with Networks: Nonparametric
       Multiple Regression Analysis of Dyadic Data." Social Networks 10 (4):
       359-81. https://doi.org/10.1016/0378-8733(88)90004-4
    .. [2] Dekker, David, David Krackhardt, and Tom A. B. Snijders. 2007.
       "Sensitivity of MRQAP Tests to Collinearity and Autocorrelation
       Conditions." Psychometrika 72 (4): 563-81.
       https://doi.org/10.1007/s11336-007-9016-1
    """
    if not predictors:
        raise OnaError("mrqap needs at least one predictor relation, e.g. {'friendship': net.graph('friendship')}.")
    if n_permutations < 1:
        raise OnaError(f"n_permutations must be at least 1, not {n_permutations}.")
    dependent = TieArrays.from_graph(G, weight)
    names = list(predictors)
    arrays = [_aligned(G, predictors[name], weight)[1] for name in names]
    responded = dependent.responded.copy()
    for a in arrays:
        responded &= a.responded
    keep = np.flatnonzero(responded)
    r = len(keep)
    if r > MRQAP_NODES_UP_TO:
        raise OnaError(
            f"MRQAP on {r} respondents would need {r * (r - 1):,} cells per matrix; it is limited to "
            f"{MRQAP_NODES_UP_TO} people. Analyse a department or a sample of people instead."
        )
    if r < 3:
        raise OnaError(f"MRQAP needs at least three respondents; there are {r}.")
    Y = _dense(dependent, keep)
    Xs = [_dense(a, keep) for a in arrays]
    return _mrqap(Y, Xs, names, n_permutations=n_permutations, seed=seed)


# -- implementations ---------------------------------------------------------------------------


def _aligned(G: nx.Graph, H: nx.Graph, weight: str | None = None) -> tuple[TieArrays, TieArrays]:
    if set(G.nodes) != set(H.nodes):
        extra = sorted(map(str, set(G.nodes) ^ set(H.nodes)))[:3]
        raise OnaError(
            f"The two relations hold different people (e.g. {extra}). Compare relations of one network, "
            "e.g. net.graph('advice') and net.graph('trust')."
        )
    return aligned_arrays(TieArrays.from_graph(G, weight), TieArrays.from_graph(H, weight))


def aligned_arrays(first: TieArrays, second: TieArrays) -> tuple[TieArrays, TieArrays]:
    """`second` renumbered to `first`'s node positions (the node sets must be equal)."""
    if first.nodes.equals(second.nodes):
        return first, second
    order = second.nodes.get_indexer(first.nodes)  # position in second of each node of first
    remap = np.empty(len(order), dtype=np.int64)
    remap[order] = np.arange(len(order))
    renumbered = TieArrays(
        first.nodes, remap[second.source], remap[second.target], second.weight, second.responded[order]
    )
    return first, renumbered


def overlap_arrays(first: TieArrays, second: TieArrays) -> dict[str, float]:
    """Ties in one relation, the other and both, among respondents: :func:`layer_overlap` on aligned arrays."""
    responded = first.responded & second.responded
    keep_first = responded[first.source]
    keep_second = responded[second.source]
    in_second = second.has_ties(first.source[keep_first], first.target[keep_first])
    both = int(in_second.sum())
    n_first, n_second = int(keep_first.sum()), int(keep_second.sum())
    union = n_first + n_second - both
    return {
        "ties_first": n_first,
        "ties_second": n_second,
        "both": both,
        "jaccard": both / union if union else float("nan"),
        "share_of_first_in_second": both / n_first if n_first else float("nan"),
        "share_of_second_in_first": both / n_second if n_second else float("nan"),
    }


@dataclass(frozen=True)
class RespondentCells:
    """The cells a QAP test covers: valued ties among the `r` people who responded, relabelled 0..r-1.

    Attributes
    ----------
    r : int
        Number of respondents; the test covers the :math:`r(r-1)` ordered pairs.
    source, target : numpy.ndarray of int64
        Each tie as respondent positions.
    value : numpy.ndarray of float64
        Tie weights.
    """

    r: int
    source: np.ndarray
    target: np.ndarray
    value: np.ndarray

    @property
    def cells(self) -> int:
        return self.r * (self.r - 1)


def _restrict(arrays: TieArrays, keep_mask: np.ndarray) -> RespondentCells:
    new_id = np.full(arrays.n, -1, dtype=np.int64)
    new_id[keep_mask] = np.arange(int(keep_mask.sum()))
    inside = keep_mask[arrays.source] & keep_mask[arrays.target]
    return RespondentCells(
        int(keep_mask.sum()), new_id[arrays.source[inside]], new_id[arrays.target[inside]], arrays.weight[inside]
    )


def respondent_cells(first: TieArrays, second: TieArrays) -> tuple[RespondentCells, RespondentCells]:
    """Both relations restricted to the people who responded to both (aligned arrays).

    Raises
    ------
    OnaError
        If fewer than three people responded.
    """
    responded = first.responded & second.responded
    x, y = _restrict(first, responded), _restrict(second, responded)
    if x.r < 3:
        raise OnaError(f"QAP needs at least three people who responded; there are {x.r}.")
    return x, y


class _CellLookup:
    """Values of a sparse matrix at many (row * r + column) keys: a bitmap for membership, then values."""

    def __init__(self, cells: RespondentCells) -> None:
        r = cells.r
        keys = cells.source * r + cells.target
        order = np.argsort(keys)
        self.keys, self.values = keys[order], cells.value[order]
        self.binary = bool(np.all(self.values == 1.0))
        self.bits: np.ndarray | None = None
        if r * r <= _BITMAP_CELLS:
            bits = np.zeros((r * r + 7) // 8, dtype=np.uint8)
            np.bitwise_or.at(bits, keys >> 3, (1 << (keys & 7)).astype(np.uint8))
            self.bits = bits

    def __call__(self, keys: np.ndarray) -> np.ndarray:
        if len(self.keys) == 0:
            return np.zeros(keys.shape)
        if self.bits is not None:
            present = ((self.bits[keys >> 3] >> (keys & 7)) & 1).astype(bool)
            if self.binary:
                return present.astype(float)
            result = np.zeros(keys.shape)
            result[present] = self.values[np.searchsorted(self.keys, keys[present])]
            return result
        position = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[position] == keys, self.values[position], 0.0)


def qap_correlation_arrays(x: RespondentCells, y: RespondentCells, *, n_permutations: int, seed: int | None) -> QAPResult:
    """QAP correlation of two relations' respondent cells: :func:`qap_correlation` on arrays.

    Each permutation is one vectorised pass over the sparser relation's ties,
    looking them up in the other (memory linear in the ties).
    """
    r, N = x.r, x.cells
    sx, sxx = x.value.sum(), (x.value**2).sum()
    sy, syy = y.value.sum(), (y.value**2).sum()
    denominator = np.sqrt((N * sxx - sx**2) * (N * syy - sy**2))
    if len(x.value) > len(y.value):
        # Permuting y by pi equals permuting x by pi's inverse: walk the sparser matrix, look up in the other.
        x, y = y, x
    lookup = _CellLookup(y)

    def cross(perm: np.ndarray) -> float:
        """sum_ij x_ij y_{perm(i) perm(j)}: one vectorised pass over x's ties."""
        keys = np.take(perm, x.source) * r + np.take(perm, x.target)
        # Elementwise product and sum, not `@`: BLAS threads stall when the machine is busy.
        return float((lookup(keys) * x.value).sum())

    def correlation(sxy: float) -> float:
        with np.errstate(divide="ignore", invalid="ignore"):
            return float((N * sxy - sx * sy) / denominator)

    observed = correlation(cross(np.arange(r)))
    rng = np.random.default_rng(seed)
    permuted = np.array([correlation(cross(rng.permutation(r))) for _ in range(n_permutations)])
    tolerance = 1e-12
    return QAPResult(
        correlation=observed,
        p_value=_p(np.abs(permuted) >= abs(observed) - tolerance),
        p_greater=_p(permuted >= observed - tolerance),
        p_less=_p(permuted <= observed + tolerance),
        expected=float(permuted.mean()),
        sd=float(permuted.std(ddof=1)) if n_permutations > 1 else float("nan"),
        n_permutations=n_permutations,
        cells=N,
    )


def _p(as_extreme: np.ndarray) -> float:
    """Permutation p-value (1 + #as extreme) / (1 + #permutations), which is never zero (Phipson and Smyth 2010)."""
    return float((1 + np.count_nonzero(as_extreme)) / (1 + len(as_extreme)))


def _dense(arrays: TieArrays, keep: np.ndarray) -> np.ndarray:
    mask = np.zeros(arrays.n, dtype=bool)
    mask[keep] = True
    cells = _restrict(arrays, mask)
    matrix = np.zeros((cells.r, cells.r))
    matrix[cells.source, cells.target] = cells.value
    return matrix


def _ols(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Coefficients, their standard errors and R² of y on X (X includes the intercept column)."""
    XtX = X.T @ X
    if np.linalg.matrix_rank(XtX) < XtX.shape[0]:
        raise OnaError(
            "The predictors are perfectly collinear (or one has no variation); "
            "drop a predictor that repeats another."
        )
    beta = np.linalg.solve(XtX, X.T @ y)
    residual = y - X @ beta
    dof = len(y) - X.shape[1]
    sigma2 = float(residual @ residual) / dof
    se = np.sqrt(np.diag(np.linalg.inv(XtX)) * sigma2)
    total = float(((y - y.mean()) ** 2).sum())
    r2 = 1.0 - float(residual @ residual) / total if total > 0 else float("nan")
    return beta, se, r2


def _mrqap(
    Y: np.ndarray, Xs: list[np.ndarray], names: list[str], *, n_permutations: int, seed: int | None
) -> MRQAPResult:
    r = Y.shape[0]
    off = ~np.eye(r, dtype=bool)
    y = Y[off]
    N, k = len(y), len(Xs)
    X = np.column_stack([np.ones(N), *(x[off] for x in Xs)])
    beta, se, r2 = _ols(X, y)
    t_observed = beta / se
    rng = np.random.default_rng(seed)
    rows: list[dict[str, float | str]] = [
        {"term": "intercept", "coefficient": beta[0], "std_error": se[0], "t": t_observed[0],
         "p_value": np.nan, "p_greater": np.nan, "p_less": np.nan}
    ]
    batch = max(1, min(n_permutations, _BATCH_CELLS // N))
    for j in range(k):
        others = np.delete(X, j + 1, axis=1)  # intercept and the other predictors
        Q, _ = np.linalg.qr(others)
        # Residual of predictor j on the others, as a matrix to permute.
        xj = X[:, j + 1]
        residual = xj - Q @ (Q.T @ xj)
        E = np.zeros((r, r))
        E[off] = residual
        y_tilde = y - Q @ (Q.T @ y)
        dof = N - others.shape[1] - 1
        t_perm = np.empty(n_permutations)
        for start in range(0, n_permutations, batch):
            count = min(batch, n_permutations - start)
            perms = np.argsort(rng.random((count, r)), axis=1)
            permuted = np.stack([E[p][:, p][off] for p in perms], axis=1)  # N x count
            e_tilde = permuted - Q @ (Q.T @ permuted)
            ee = (e_tilde**2).sum(axis=0)
            with np.errstate(divide="ignore", invalid="ignore"):
                b = (e_tilde * y_tilde[:, None]).sum(axis=0) / ee
                rss = float(y_tilde @ y_tilde) - b**2 * ee
                t_perm[start : start + count] = b / np.sqrt(rss / dof / ee)
        t_obs = t_observed[j + 1]
        tolerance = 1e-9
        rows.append(
            {
                "term": names[j],
                "coefficient": beta[j + 1],
                "std_error": se[j + 1],
                "t": t_obs,
                "p_value": _p(np.abs(t_perm) >= abs(t_obs) - tolerance),
                "p_greater": _p(t_perm >= t_obs - tolerance),
                "p_less": _p(t_perm <= t_obs + tolerance),
            }
        )
    p = k + 1
    adj = 1.0 - (1.0 - r2) * (N - 1) / (N - p) if N > p else float("nan")
    return MRQAPResult(
        coefficients=pd.DataFrame(rows),
        r_squared=r2,
        adj_r_squared=adj,
        cells=N,
        n_permutations=n_permutations,
    )
