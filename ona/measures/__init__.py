"""Network measures: people, groups, the whole network, communities and relations compared.

Pure functions over networkx graphs, thin wrappers over array versions that
share one compact form (:class:`ona.measures.engines.TieArrays`).
"""

__all__: list[str] = []
