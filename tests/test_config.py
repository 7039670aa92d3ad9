"""One place for settings (ona.privacy.config.load_settings), used by the command line and the app.

Issue 10: `ona publish` ignored ONA_MIN_GROUP_SIZE, and the app had no pseudonyms-only setting, because the
policy was assembled separately in the app and in the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ona.cli import main
from ona.exceptions import ConfigurationError
from ona.privacy import DEFAULT_GROUPINGS, load_settings

KEY = "test organisation key 0123456789"


def test_nothing_configured_gives_the_defaults():
    settings = load_settings(env={})
    policy = settings.policy
    assert (policy.k, policy.key, policy.show_names, policy.person_level) == (5, None, True, True)
    assert policy.groupings == DEFAULT_GROUPINGS and policy.unit == "department"
    assert settings.workspace is None and settings.role.name == "analyst" and not settings.role.configured
    assert settings.key_source == "ONA_PSEUDONYM_KEY" and settings.sources == {}


def test_environment_settings():
    env = {"ONA_ROLE": "manager", "ONA_MIN_GROUP_SIZE": " 7 ", "ONA_GROUPS_ONLY": "ja", "ONA_PSEUDONYMS_ONLY": "1",
           "ONA_PSEUDONYM_KEY": KEY, "ONA_GROUPINGS": "team, location", "ONA_WORKSPACE": "~/werkruimte.zip"}
    settings = load_settings(env=env)
    policy = settings.policy
    assert settings.role.is_manager
    assert (policy.k, policy.person_level, policy.show_names, policy.key) == (7, False, False, KEY.encode())
    assert policy.groupings == ("team", "location") and policy.unit == "team"
    assert settings.workspace == Path("~/werkruimte.zip").expanduser()
    assert settings.sources["min_group_size"] == "ONA_MIN_GROUP_SIZE"


def test_secrets_settings_and_precedence():
    secrets = {"ona": {"role": "manager", "min_group_size": 6, "groups_only": True, "pseudonyms_only": "nee",
                       "pseudonym_key": KEY, "groupings": ["department", "team"], "workspace": "/srv/ws"}}
    settings = load_settings(env={}, secrets=secrets)
    policy = settings.policy
    assert (policy.k, policy.person_level, policy.show_names) == (6, False, True)
    assert policy.groupings == ("department", "team") and settings.workspace == Path("/srv/ws")
    assert settings.sources["min_group_size"] == "secrets: ona.min_group_size"
    # The environment wins over the secrets, explicit overrides (flags) over both.
    assert load_settings(env={"ONA_MIN_GROUP_SIZE": "8"}, secrets=secrets).policy.k == 8
    chosen = load_settings(env={"ONA_MIN_GROUP_SIZE": "8"}, secrets=secrets,
                           overrides={"min_group_size": 10, "groupings": "location"})
    assert chosen.policy.k == 10 and chosen.policy.groupings == ("location",)
    assert chosen.sources["min_group_size"] == "--min-group-size"
    # A flag left off (False/None) does not switch a configured setting off.
    assert not load_settings(env={"ONA_GROUPS_ONLY": "1"}, overrides={"groups_only": False}).policy.person_level


def test_key_env_override():
    settings = load_settings(env={"HR_SLEUTEL": KEY}, overrides={"key_env": "HR_SLEUTEL"})
    assert settings.policy.key == KEY.encode() and settings.key_source == "HR_SLEUTEL"
    with pytest.raises(ConfigurationError, match="NIET_GEZET named by --key-env is not set") as info:
        load_settings(env={}, overrides={"key_env": "NIET_GEZET"})
    assert "die --key-env noemt, is niet ingesteld" in info.value.message("nl")
    with pytest.raises(TypeError, match="unknown privacy setting"):
        load_settings(env={}, overrides={"min_size": 3})


@pytest.mark.parametrize(("env", "english", "dutch"), [
    ({"ONA_MIN_GROUP_SIZE": "vijf"}, "ONA_MIN_GROUP_SIZE should be a whole number such as 5, not 'vijf'",
     "ONA_MIN_GROUP_SIZE moet een geheel getal zijn, zoals 5, niet 'vijf'"),
    ({"ONA_MIN_GROUP_SIZE": "0"}, "must be at least 1, not 0", "moet minstens 1 zijn, niet 0"),
    ({"ONA_GROUPS_ONLY": "misschien"}, "ONA_GROUPS_ONLY should be yes or no", "ONA_GROUPS_ONLY moet ja of nee zijn"),
    ({"ONA_PSEUDONYM_KEY": "kort"}, "is 4 bytes long", "is 4 bytes lang"),
    ({"ONA_GROUPINGS": " , "}, "ONA_GROUPINGS names no grouping", "ONA_GROUPINGS noemt geen groepering"),
    ({"ONA_ROLE": "baas"}, "'baas' is not a role", "'baas' is geen rol"),
])
def test_bad_settings_are_one_sentence_in_both_languages(env, english, dutch):
    with pytest.raises(ConfigurationError) as info:
        load_settings(env=env)
    assert english in str(info.value)
    assert dutch in info.value.message("nl")
    assert "Traceback" not in info.value.message("nl")


def test_bad_secret_table():
    with pytest.raises(ConfigurationError, match="must be a table") as info:
        load_settings(env={}, secrets={"ona": "manager"})
    assert "moet een tabel zijn" in info.value.message("nl")


def test_role_labels_come_from_the_catalogue():
    assert load_settings(env={}).role.label("nl") == "Analistmodus (geen rollen ingesteld: lokaal gebruik)"
    assert load_settings(env={"ONA_ROLE": "manager"}).role.label("en") == "Manager mode: privacy-filtered views only"


# -- the command line follows the same settings ----------------------------------------------------------


def test_cli_publish_follows_ona_min_group_size_and_groups_only(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ONA_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("ONA_MIN_GROUP_SIZE", "3")
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "k3")]) == 0  # k = 3 from the environment
    manifest = json.loads((tmp_path / "k3" / "manifest.json").read_text())
    assert manifest["privacy"]["min_group_size"] == 3
    assert manifest["groups"] == ["Dept 1", "Dept 2", "Dept 3", "Dept 4"]  # the CEO alone is withheld
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "k4"), "--min-group-size", "4"]) == 0  # flag wins
    assert json.loads((tmp_path / "k4" / "manifest.json").read_text())["privacy"]["min_group_size"] == 4
    monkeypatch.setenv("ONA_GROUPS_ONLY", "1")
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "g")]) == 0
    assert not (tmp_path / "g" / "people.csv").exists()
    capsys.readouterr()


def test_cli_publish_refuses_a_grouping_the_policy_does_not_offer(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ONA_GROUPINGS", "department")
    assert main(["publish", "lazega", "-o", str(tmp_path / "t"), "--group-by", "team"]) == 2
    err = capsys.readouterr().err
    assert "Managers may not group by 'team': the privacy policy offers department" in err
    assert err.count("\n") == 1 and not (tmp_path / "t").exists()
    monkeypatch.setenv("ONA_GROUPINGS", "team,department")
    assert main(["publish", "lazega", "-o", str(tmp_path / "t"), "--min-group-size", "3"]) == 0  # by team, the unit
    assert json.loads((tmp_path / "t" / "manifest.json").read_text())["group_by"] == "team"
    assert "groups: team" in capsys.readouterr().out
