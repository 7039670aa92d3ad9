"""Roles: who is using ona, decided on the server from configuration (never by a widget).

An *analyst* (HR) sees everything; a *manager* sees privacy-filtered views.
:func:`resolve_role` reads the environment and Streamlit secrets; nothing
configured means analyst mode, and :meth:`Role.label` says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ona.exceptions import ConfigurationError
from ona.i18n import t

__all__ = ["ANALYST", "MANAGER", "Role", "resolve_role"]

#: The analyst (HR) role: sees everything.
ANALYST = "analyst"
#: The manager role: sees privacy-filtered views only.
MANAGER = "manager"
_ROLE_WORDS = {
    "analyst": ANALYST, "analist": ANALYST, "hr": ANALYST,
    "manager": MANAGER, "leidinggevende": MANAGER,
}


@dataclass(frozen=True)
class Role:
    """Who is using ona: an analyst (HR, sees everything) or a manager (privacy-filtered views).

    Attributes
    ----------
    name : {"analyst", "manager"}
    source : str
        Where the decision came from, e.g. ``"ONA_ROLE"``, ``"secrets: ona.users"``
        or ``"nothing configured"``.
    user : str or None
        The signed-in user's e-mail address, when known.
    configured : bool
        False when no role configuration exists (local use, analyst mode).
    """

    name: Literal["analyst", "manager"]
    source: str
    user: str | None = None
    configured: bool = True

    @property
    def is_manager(self) -> bool:
        """True for the manager role."""
        return self.name == MANAGER

    @property
    def is_analyst(self) -> bool:
        """True for the analyst role."""
        return self.name == ANALYST

    def label(self, lang: str = "en") -> str:
        """A short label for the app's header, e.g. ``"Analyst mode (no roles configured: local use)"``.

        >>> Role(ANALYST, "nothing configured", configured=False).label("nl")
        'Analistmodus (geen rollen ingesteld: lokaal gebruik)'
        >>> Role(MANAGER, "ONA_ROLE").label("en")
        'Manager mode: privacy-filtered views only'
        """
        if self.is_manager:
            return t("role.manager", lang)
        return t("role.analyst" if self.configured else "role.analyst_local", lang)


def resolve_role(
    *,
    env: Mapping[str, str] = os.environ,
    secrets: Mapping[str, Any] | None = None,
    user_email: str | None = None,
) -> Role:
    """Decide the role on the server side, from configuration only (never from what the user picks).

    Configuration, in the environment or in Streamlit secrets::

        ONA_ROLE=manager                      # everyone's role (analyst or manager)
        ONA_ANALYST_USERS=hr@gemeente.nl      # per signed-in user (comma-separated)
        ONA_MANAGER_USERS=a@gemeente.nl,b@gemeente.nl

        # .streamlit/secrets.toml
        [ona]
        role = "manager"                      # everyone else's role (optional)
        [ona.users]
        "hr@gemeente.nl" = "analyst"
        "a@gemeente.nl" = "manager"

    Rules, in order:

    1. a signed-in user listed per user gets that role;
    2. otherwise the configured default role (``ONA_ROLE`` or ``[ona] role``);
    3. otherwise, when users are listed but this user is not (or nobody is
       signed in), the more restricted role: manager;
    4. nothing configured at all: analyst, labelled as local use.

    E-mail addresses are compared without case. ``analist``/``hr`` and
    ``leidinggevende`` are accepted as Dutch role names.

    Parameters
    ----------
    env : mapping, optional (default=os.environ)
    secrets : mapping, optional
        Streamlit's ``st.secrets`` (or any mapping of the same shape).
    user_email : str, optional
        The signed-in user's e-mail (``st.user.email`` when sign-in is set up).

    Returns
    -------
    Role

    Raises
    ------
    ConfigurationError
        If a role name is unknown, a user is listed with two roles, or the
        environment and the secrets set different default roles.

    Examples
    --------
    >>> resolve_role(env={}).name, resolve_role(env={}).configured
    ('analyst', False)
    >>> resolve_role(env={"ONA_ROLE": "manager"}).name
    'manager'
    >>> env = {"ONA_ANALYST_USERS": "HR@gemeente.nl"}
    >>> resolve_role(env=env, user_email="hr@gemeente.nl").name, resolve_role(env=env, user_email="x@y.nl").name
    ('analyst', 'manager')
    """
    users: dict[str, tuple[str, str]] = {}

    def add_user(email: str, role_word: Any, where: str) -> None:
        role = _role_name(role_word, where)
        key = str(email).strip().lower()
        if not key:
            return
        if key in users and users[key][0] != role:
            raise ConfigurationError(
                f"{key} is listed as {users[key][0]} ({users[key][1]}) and as {role} ({where}). "
                "Give each user one role",
                key="privacy.role.two_roles",
                values={"user": key, "first": users[key][0], "first_where": users[key][1], "second": role,
                        "second_where": where},
            )
        users[key] = (role, where)

    ona_secrets = secrets.get("ona") if secrets is not None else None
    if ona_secrets is not None and not isinstance(ona_secrets, Mapping):
        raise ConfigurationError("The Streamlit secret 'ona' must be a table ([ona] in secrets.toml).",
                                 key="privacy.config.secret_table")
    secret_users = ona_secrets.get("users") if ona_secrets else None
    if secret_users is not None:
        if not isinstance(secret_users, Mapping):
            raise ConfigurationError(
                "The Streamlit secret 'ona.users' must map e-mail addresses to roles ([ona.users] in secrets.toml).",
                key="privacy.role.users_table",
            )
        for email, role_word in secret_users.items():
            add_user(email, role_word, "secrets: ona.users")
    for var, role_word in (("ONA_ANALYST_USERS", ANALYST), ("ONA_MANAGER_USERS", MANAGER)):
        for email in re.split(r"[,;\s]+", env.get(var, "") or ""):
            add_user(email, role_word, var)

    defaults = []
    if ona_secrets and ona_secrets.get("role"):
        defaults.append((_role_name(ona_secrets["role"], "secrets: ona.role"), "secrets: ona.role"))
    if (env.get("ONA_ROLE") or "").strip():
        defaults.append((_role_name(env["ONA_ROLE"], "ONA_ROLE"), "ONA_ROLE"))
    if len({d[0] for d in defaults}) > 1:
        raise ConfigurationError(
            f"ONA_ROLE says {defaults[1][0]} but the secret ona.role says {defaults[0][0]}. "
            "Set the default role in one place",
            key="privacy.role.conflict", values={"env": defaults[1][0], "secret": defaults[0][0]},
        )

    email = user_email.strip().lower() if user_email and user_email.strip() else None
    if email is not None and email in users:
        role, where = users[email]
        return Role(role, where, email)  # type: ignore[arg-type]
    if defaults:
        return Role(defaults[0][0], defaults[0][1], email)  # type: ignore[arg-type]
    if users:
        why = "signed-in user not listed" if email else "not signed in"
        return Role(MANAGER, f"users are listed, {why}", email)
    return Role(ANALYST, "nothing configured", email, configured=False)




def _role_name(word: Any, where: str) -> str:
    role = _ROLE_WORDS.get(str(word).strip().lower())
    if role is None:
        raise ConfigurationError(
            f"{where}: {word!r} is not a role. Use 'analyst' (HR, sees everything) or 'manager' "
            "(privacy-filtered views)",
            key="privacy.role.unknown", values={"where": where, "word": repr(word)},
        )
    return role

