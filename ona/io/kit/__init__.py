"""The survey ona designs itself, and the kinds of question only it asks.

Modules
-------
conditions     the five conditions of collaboration and the statements about them
recognise      recognising the kit's perception, dependency and conditions questions in any export
"""

__all__: list[str] = []
