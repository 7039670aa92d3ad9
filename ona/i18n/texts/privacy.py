"""Texts of the privacy layer, manager workspaces and CLI output (``privacy.``, ``role.``, ``workspace_file.``,
``output.``): configuration errors, role labels, the workspace README and errors in files ona reads or writes."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- screening ---------------------------------------------------------------------------
    "privacy.grouping_not_offered": {
        "nl": "Leidinggevenden mogen niet groeperen op '{grouping}': het privacybeleid biedt {offered}. "
              "Groepeer op een daarvan, of voeg de groepering toe (ONA_GROUPINGS)",
        "en": "Managers may not group by '{grouping}': the privacy policy offers {offered}. "
              "Group by one of those, or add it to the groupings (ONA_GROUPINGS)",
    },
}
