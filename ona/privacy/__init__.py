r"""Privacy by design: roles, keyed pseudonyms, consent, minimum group size and safe exports.

Network data about colleagues is sensitive HR data (AVG/GDPR). This module
holds the rules that decide what a *manager* may see, as pure functions the
app, the command line (``ona publish``) and analysts call:

* **Roles** (:func:`resolve_role`): an *analyst* (HR) sees everything; a
  *manager* sees privacy-filtered views. The role is decided on the server
  from the environment or Streamlit secrets, never by a widget. Nothing
  configured means analyst mode, and :class:`Role` says so in its label.
* **Minimum group size** (:func:`screen_groups`): a group with fewer than
  ``k`` members or fewer than ``k`` respondents gets no figure of its own. Its
  people are merged into :data:`OTHER_GROUP`, which carries figures only when
  it reaches ``k`` itself; the small group's name appears nowhere.
* **Joint screening** (:func:`screen_network`): whom manager views withhold
  is decided once, under every grouping the policy offers and every wave
  given, so switching the grouping or comparing workspaces reveals nobody.
* **Pseudonyms and consent** (:func:`pseudonym`, :func:`screen_people`): a
  person is named only with consent (roster column ``consent``); everyone
  else appears under a keyed pseudonym such as ``P-7K3Q9X2M``, stable across
  waves, or not at all when no key is configured.
* **Manager views** of analysis output: :func:`manager_people`,
  :func:`manager_group_table`, :func:`manager_group_matrix`,
  :func:`manager_density_matrix`, :func:`manager_graph` and
  :func:`manager_findings`, computed from a :class:`ScreenedNetwork`.
* **Leak checks** (:func:`withheld_terms`, :class:`TermMatcher`): the last
  check before anything leaves ona.
* **Safe exports**: :func:`neutralize_formulas` (from :mod:`ona.io.cells`)
  defuses spreadsheet formulas in CSV/XLSX cells (CSV injection).

The package is split by concern: :mod:`~ona.privacy.policy` (policy,
pseudonyms, consent), :mod:`~ona.privacy.config` (one policy from the
environment, secrets and flags), :mod:`~ona.privacy.screen` (screening),
:mod:`~ona.privacy.outputs` (manager views), :mod:`~ona.privacy.leaks` and
:mod:`~ona.privacy.roles`. Every public name is re-exported here.

The minimum group size is the threshold rule of statistical disclosure
control [1]_: a figure about fewer than ``k`` people can single them out, so
it is suppressed or aggregated, in the spirit of k-anonymity [2]_.

References
----------
.. [1] Hundepool, Anco, Josep Domingo-Ferrer, Luisa Franconi, Sarah Giessing,
   Eric Schulte Nordholt, Keith Spicer, and Peter-Paul de Wolf. 2012.
   *Statistical Disclosure Control*. Wiley. https://doi.org/10.1002/9781118348239
.. [2] Sweeney, Latanya. 2002. "k-Anonymity: A Model for Protecting Privacy."
   International Journal of Uncertainty, Fuzziness and Knowledge-Based
   Systems 10 (5): 557-70. https://doi.org/10.1142/S0218488502001648
.. [3] Krawczyk, Hugo, Mihir Bellare, and Ran Canetti. 1997. "HMAC:
   Keyed-Hashing for Message Authentication." RFC 2104.
   https://doi.org/10.17487/RFC2104
.. [4] OWASP Foundation. "CSV Injection."
   https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

from ona.io.cells import neutralize_cell, neutralize_formulas, restore_cell, restore_formulas
from ona.privacy.config import SETTINGS, Settings, load_settings
from ona.privacy.leaks import TermMatcher, contains_withheld, leak_matcher, shown_terms, withheld_terms
from ona.privacy.outputs import (
    manager_density_matrix,
    manager_findings,
    manager_graph,
    manager_group_matrix,
    manager_group_table,
    manager_people,
    screen_policy,
)
from ona.privacy.policy import (
    DEFAULT_GROUPINGS,
    DEFAULT_KEY_ENV,
    MIN_KEY_BYTES,
    NAMES_RULES,
    OTHER_GROUP,
    PeopleSource,
    PrivacyPolicy,
    consent_mask,
    key_from_env,
    names_rule,
    names_rule_text,
    parse_consent,
    pseudonym,
    screen_people,
    unnamed_count,
)
from ona.privacy.roles import ANALYST, MANAGER, Role, resolve_role
from ona.privacy.screen import (
    GroupScreen,
    Hidden,
    ScreenedNetwork,
    Source,
    manager_network,
    merge_small_groups,
    screen_groups,
    screen_network,
)

__all__ = [
    "ANALYST",
    "DEFAULT_GROUPINGS",
    "DEFAULT_KEY_ENV",
    "GroupScreen",
    "Hidden",
    "MANAGER",
    "MIN_KEY_BYTES",
    "NAMES_RULES",
    "OTHER_GROUP",
    "PeopleSource",
    "PrivacyPolicy",
    "Role",
    "SETTINGS",
    "Settings",
    "ScreenedNetwork",
    "Source",
    "TermMatcher",
    "consent_mask",
    "contains_withheld",
    "key_from_env",
    "leak_matcher",
    "load_settings",
    "manager_density_matrix",
    "manager_findings",
    "manager_graph",
    "manager_group_matrix",
    "manager_group_table",
    "manager_network",
    "manager_people",
    "merge_small_groups",
    "names_rule",
    "names_rule_text",
    "neutralize_cell",
    "neutralize_formulas",
    "parse_consent",
    "pseudonym",
    "resolve_role",
    "restore_cell",
    "restore_formulas",
    "screen_groups",
    "screen_network",
    "screen_people",
    "screen_policy",
    "shown_terms",
    "unnamed_count",
    "withheld_terms",
]
