"""Text catalogues, one module per area; each defines ``STRINGS`` (and may define ``COUNT_WORDS``).

:mod:`ona.i18n` merges every module found here. A key may be defined once only:
prefix keys with the area (``start.``, ``finding.``, ``kit.`` ...).
"""

__all__: list[str] = []
