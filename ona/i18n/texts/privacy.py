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
    # -- the policy ------------------------------------------------------------------------------
    "privacy.policy.k_not_whole": {
        "nl": "De minimale groepsgrootte moet een geheel getal zijn, niet {value}. Gebruik bijvoorbeeld 5.",
        "en": "The minimum group size must be a whole number, not {value}. Use e.g. 5.",
    },
    "privacy.policy.k_below_one": {
        "nl": "De minimale groepsgrootte moet minstens 1 zijn, niet {value}. Gebruik 5 of meer voor "
              "overzichten voor leidinggevenden.",
        "en": "The minimum group size must be at least 1, not {value}. Use 5 or more for manager views.",
    },
    "privacy.policy.short_key": {
        "nl": "De pseudoniemsleutel is {length} bytes lang; gebruik minstens {minimum} willekeurige tekens en "
              "houd ze geheim",
        "en": "The pseudonym key is {length} bytes long; use at least {minimum} random characters and keep "
              "them secret",
    },
    "privacy.policy.other_empty": {
        "nl": "Het label voor samengevoegde kleine groepen is leeg. Gebruik bijvoorbeeld '(other)'.",
        "en": "The label for merged small groups is empty. Use e.g. '(other)'.",
    },
    "privacy.policy.no_groupings": {
        "nl": "Het privacybeleid noemt geen groepering. Noem minstens één kolom van de personeelslijst, "
              "bijvoorbeeld department.",
        "en": "The privacy policy names no grouping. Name at least one roster column, e.g. department.",
    },
    "privacy.policy.consent": {
        "nl": "De toestemmingswaarde {value} is geen ja/nee. Gebruik ja/nee of yes/no in de kolom "
              "'toestemming' van de personeelslijst.",
        "en": "The consent value {value} is not yes/no. Use yes/no or ja/nee in the roster column 'consent'.",
    },
    "privacy.policy.pseudonym_clash": {
        "nl": "Twee mensen krijgen hetzelfde pseudoniem ({pseudonym}); dat gebeurt heel zelden. Kies een "
              "andere pseudoniemsleutel",
        "en": "Two people get the same pseudonym ({pseudonym}); this happens very rarely. Choose another "
              "pseudonym key",
    },
    # -- settings --------------------------------------------------------------------------------
    "privacy.config.not_whole": {
        "nl": "{where} moet een geheel getal zijn, zoals 5, niet {value}.",
        "en": "{where} should be a whole number such as 5, not {value}.",
    },
    "privacy.config.not_yes_no": {
        "nl": "{where} moet ja of nee zijn (1/0, true/false, ja/nee), niet {value}.",
        "en": "{where} should be yes or no (1/0, true/false, ja/nee), not {value}.",
    },
    "privacy.config.no_groupings": {
        "nl": "{where} noemt geen groepering; noem kolommen van de personeelslijst, gescheiden door komma's, "
              "bijvoorbeeld department,team,location.",
        "en": "{where} names no grouping; name roster columns separated by commas, e.g. "
              "department,team,location.",
    },
    "privacy.config.key_env_unset": {
        "nl": "De omgevingsvariabele {var} die --key-env noemt, is niet ingesteld. Zet er de geheime "
              "pseudoniemsleutel van uw organisatie in, bijvoorbeeld export {var}=...",
        "en": "The environment variable {var} named by --key-env is not set. Set it to your organisation's "
              "secret pseudonym key, e.g. export {var}=...",
    },
    "privacy.config.secret_table": {
        "nl": "Het Streamlit-geheim 'ona' moet een tabel zijn ([ona] in secrets.toml).",
        "en": "The Streamlit secret 'ona' must be a table ([ona] in secrets.toml).",
    },
    # -- roles -----------------------------------------------------------------------------------
    "role.manager": {
        "nl": "Leidinggevendemodus: alleen privacygefilterde overzichten",
        "en": "Manager mode: privacy-filtered views only",
    },
    "role.analyst": {"nl": "Analistmodus: volledige toegang", "en": "Analyst mode: full access"},
    "role.analyst_local": {
        "nl": "Analistmodus (geen rollen ingesteld: lokaal gebruik)",
        "en": "Analyst mode (no roles configured: local use)",
    },
    "privacy.role.two_roles": {
        "nl": "{user} staat vermeld als {first} ({first_where}) en als {second} ({second_where}). Geef elke "
              "gebruiker één rol",
        "en": "{user} is listed as {first} ({first_where}) and as {second} ({second_where}). Give each user "
              "one role",
    },
    "privacy.role.users_table": {
        "nl": "Het Streamlit-geheim 'ona.users' moet e-mailadressen aan rollen koppelen ([ona.users] in "
              "secrets.toml).",
        "en": "The Streamlit secret 'ona.users' must map e-mail addresses to roles ([ona.users] in secrets.toml).",
    },
    "privacy.role.conflict": {
        "nl": "ONA_ROLE zegt {env} maar het geheim ona.role zegt {secret}. Stel de standaardrol op één plek in",
        "en": "ONA_ROLE says {env} but the secret ona.role says {secret}. Set the default role in one place",
    },
    "privacy.role.unknown": {
        "nl": "{where}: {word} is geen rol. Gebruik 'analyst' (HR, ziet alles) of 'manager' "
              "(privacygefilterde overzichten)",
        "en": "{where}: {word} is not a role. Use 'analyst' (HR, sees everything) or 'manager' "
              "(privacy-filtered views)",
    },
}
