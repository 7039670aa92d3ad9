"""One place for settings: the role, the privacy policy and the workspace, from environment, secrets and flags.

The app and the command line both call :func:`load_settings`, so ``ONA_MIN_GROUP_SIZE``,
``ONA_GROUPS_ONLY``, the pseudonym key and "pseudonyms only" mean the same everywhere.

=========================  ==========================  =====================================================
environment variable       secret (``[ona]`` table)    meaning
=========================  ==========================  =====================================================
``ONA_ROLE``               ``role``                    everyone's role: ``analyst`` or ``manager``
``ONA_ANALYST_USERS``      ``[ona.users]``             signed-in users (comma-separated) who are analysts
``ONA_MANAGER_USERS``      ``[ona.users]``             signed-in users who are managers
``ONA_MIN_GROUP_SIZE``     ``min_group_size``          ``k``, the minimum group size (default 5)
``ONA_GROUPS_ONLY``        ``groups_only``             managers see group figures only, no people
``ONA_PSEUDONYMS_ONLY``    ``pseudonyms_only``         everyone by pseudonym, also people who consented
``ONA_PSEUDONYM_KEY``      ``pseudonym_key``           the secret pseudonym key (at least 16 characters)
``ONA_GROUPINGS``          ``groupings``               what managers may group by (default
                                                       ``department,team,location``; first = the unit)
``ONA_WORKSPACE``          ``workspace``               a published workspace the app opens for managers
=========================  ==========================  =====================================================

Precedence: explicit overrides (command-line flags) over the environment over
the secrets over the defaults. The role is decided by
:func:`ona.privacy.roles.resolve_role` (environment and secrets only: a flag
cannot make anyone an analyst). Yes/no settings accept ``1/0``, ``true/false``,
``yes/no`` and ``ja/nee``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ona.exceptions import ConfigurationError
from ona.privacy.policy import DEFAULT_KEY_ENV, PrivacyPolicy
from ona.privacy.roles import Role, resolve_role

__all__ = ["SETTINGS", "Settings", "load_settings"]

#: Each setting: (environment variable, key in the secrets' ``[ona]`` table).
SETTINGS: Mapping[str, tuple[str, str]] = {
    "min_group_size": ("ONA_MIN_GROUP_SIZE", "min_group_size"),
    "groups_only": ("ONA_GROUPS_ONLY", "groups_only"),
    "pseudonyms_only": ("ONA_PSEUDONYMS_ONLY", "pseudonyms_only"),
    "key": (DEFAULT_KEY_ENV, "pseudonym_key"),
    "groupings": ("ONA_GROUPINGS", "groupings"),
    "workspace": ("ONA_WORKSPACE", "workspace"),
}

_TRUE = {"1", "true", "yes", "y", "ja", "j", "waar", "on"}
_FALSE = {"0", "false", "no", "n", "nee", "onwaar", "off", ""}


@dataclass(frozen=True)
class Settings:
    """What :func:`load_settings` decided: who is using ona, what managers may see, and which workspace.

    Attributes
    ----------
    role : Role
    policy : PrivacyPolicy
    workspace : pathlib.Path or None
        The published workspace to open (``ONA_WORKSPACE``), if any. Not
        checked for existence here: opening it reports that.
    key_source : str
        Where the pseudonym key was looked for (e.g. ``"ONA_PSEUDONYM_KEY"``),
        for messages such as "no pseudonym key in ONA_PSEUDONYM_KEY".
    sources : mapping of str to str
        For each privacy setting that was configured, where its value came
        from (``"ONA_MIN_GROUP_SIZE"``, ``"secrets: ona.min_group_size"`` or
        ``"--min-group-size"``).
    """

    role: Role
    policy: PrivacyPolicy
    workspace: Path | None = None
    key_source: str = DEFAULT_KEY_ENV
    sources: Mapping[str, str] = field(default_factory=dict)


def load_settings(
    *,
    env: Mapping[str, str] | None = None,
    secrets: Mapping[str, Any] | None = None,
    user_email: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build the role, the privacy policy and the workspace location from every place settings can come from.

    Parameters
    ----------
    env : mapping, optional (default=os.environ)
    secrets : mapping, optional
        Streamlit's secrets as a plain dict (``st.secrets.to_dict()``), or
        any mapping of the same shape: settings live in its ``"ona"`` table.
    user_email : str, optional
        The signed-in user's e-mail, for per-user roles.
    overrides : mapping, optional
        Explicit values that win over everything else, e.g. command-line
        flags: ``min_group_size`` (int), ``groups_only``, ``pseudonyms_only``
        (bool; None or False leaves the configured value), ``groupings``
        (sequence or comma-separated text), ``key_env`` (the environment
        variable holding the key instead of ``ONA_PSEUDONYM_KEY``; it must be
        set), ``workspace`` (path).

    Returns
    -------
    Settings

    Raises
    ------
    ConfigurationError
        On a value that is not what the setting needs (the message names
        the setting and where it came from, in Dutch and English), a key variable named by ``key_env`` that is not
        set, or a role configuration :func:`resolve_role` refuses.

    Examples
    --------
    >>> settings = load_settings(env={"ONA_ROLE": "manager", "ONA_MIN_GROUP_SIZE": "8", "ONA_GROUPS_ONLY": "ja"})
    >>> settings.role.name, settings.policy.k, settings.policy.person_level
    ('manager', 8, False)
    >>> load_settings(env={}, secrets={"ona": {"min_group_size": 6, "groupings": ["team"]}}).policy.groupings
    ('team',)
    >>> load_settings(env={"ONA_MIN_GROUP_SIZE": "8"}, overrides={"min_group_size": 10}).policy.k
    10
    >>> load_settings(env={"ONA_MIN_GROUP_SIZE": "vijf"})
    Traceback (most recent call last):
    ...
    ona.exceptions.ConfigurationError: ONA_MIN_GROUP_SIZE should be a whole number such as 5, not 'vijf'.
    """
    env = os.environ if env is None else env
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - {*SETTINGS, "key_env"})
    if unknown:
        raise TypeError(f"unknown privacy setting {unknown[0]!r}; use one of {sorted({*SETTINGS, 'key_env'})}")
    table = _secret_table(secrets)
    sources: dict[str, str] = {}

    def raw(name: str) -> tuple[Any, str] | None:
        """The configured value of a setting and where it came from, or None."""
        if overrides.get(name) not in (None, False):
            return overrides[name], _flag(name)
        var, secret = SETTINGS[name]
        if str(env.get(var) or "").strip():
            return env[var], var
        if table.get(secret) not in (None, ""):
            return table[secret], f"secrets: ona.{secret}"
        return None

    policy_args: dict[str, Any] = {}
    found = raw("min_group_size")
    if found is not None:
        policy_args["min_group_size"] = _whole_number(*found)
        sources["min_group_size"] = found[1]
    for name, argument in (("groups_only", "person_level"), ("pseudonyms_only", "show_names")):
        found = raw(name)
        if found is not None:
            policy_args[argument] = not _yes_no(*found)
            sources[name] = found[1]
    found = raw("groupings")
    if found is not None:
        policy_args["groupings"] = _groupings(*found)
        sources["groupings"] = found[1]

    key_env = overrides.get("key_env")
    key_source = str(key_env) if key_env else DEFAULT_KEY_ENV
    if key_env:
        value = str(env.get(str(key_env)) or "").strip()
        if not value:
            raise ConfigurationError(
                f"The environment variable {key_env} named by --key-env is not set. "
                f"Set it to your organisation's secret pseudonym key, e.g. export {key_env}=...",
                key="privacy.config.key_env_unset", values={"var": key_env},
            )
        policy_args["key"], sources["key"] = value, str(key_env)
    else:
        found = raw("key")
        if found is not None:
            policy_args["key"], sources["key"] = str(found[0]).strip(), found[1]

    workspace = None
    found = raw("workspace")
    if found is not None:
        workspace = Path(str(found[0])).expanduser()
        sources["workspace"] = found[1]

    role = resolve_role(env=env, secrets=secrets, user_email=user_email)
    return Settings(role=role, policy=PrivacyPolicy(**policy_args), workspace=workspace, key_source=key_source,
                    sources=sources)


def _secret_table(secrets: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if secrets is None:
        return {}
    table = secrets.get("ona")
    if table is None:
        return {}
    if not isinstance(table, Mapping):
        raise ConfigurationError("The Streamlit secret 'ona' must be a table ([ona] in secrets.toml).",
                                 key="privacy.config.secret_table")
    return table


def _flag(name: str) -> str:
    return "--" + {"key": "key-env", "groups_only": "groups-only"}.get(name, name.replace("_", "-"))


def _whole_number(value: Any, where: str) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise ConfigurationError(
            f"{where} should be a whole number such as 5, not {value!r}.",
            key="privacy.config.not_whole", values={"where": where, "value": repr(value)},
        )
    return int(text)


def _yes_no(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigurationError(
        f"{where} should be yes or no (1/0, true/false, ja/nee), not {value!r}.",
        key="privacy.config.not_yes_no", values={"where": where, "value": repr(value)},
    )


def _groupings(value: Any, where: str) -> tuple[str, ...]:
    items = re.split(r"[,;]", value) if isinstance(value, str) else list(value)
    groupings = tuple(str(item).strip() for item in items if str(item).strip())
    if not groupings:
        raise ConfigurationError(
            f"{where} names no grouping; name roster columns separated by commas, e.g. department,team,location.",
            key="privacy.config.no_groupings", values={"where": where},
        )
    return groupings
