"""Settings are declared once and feed the environment, the CLI and the README."""
from __future__ import annotations

from graph.settings import ROOT, Settings


def test_environment_overrides_defaults_and_options_override_both() -> None:
    env = {"ESGRAF_QUERY_TIMEOUT": "2.5", "ESGRAF_MAX_ROWS": "7", "ESGRAF_STORE": "/tmp/a"}
    s = Settings.from_env(env, store="/tmp/b")
    assert (s.query_timeout, s.max_rows, s.store) == (2.5, 7, "/tmp/b")
    assert Settings.from_env({}).max_rows == Settings().max_rows


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [env for env, _default, _help in Settings.describe() if f"`{env}" not in readme]
    assert missing == []
