"""Drawing: seeded layouts and the interactive pyvis pages."""

__all__: list[str] = []
