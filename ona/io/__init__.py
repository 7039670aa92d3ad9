"""Reading and writing: rosters, tie lists, survey exports, expected collaborations, samples and downloads.

The only layer that touches files or bytes. Everything above it works on
:class:`ona.OrgNetwork` and pandas tables.
"""

__all__: list[str] = []
