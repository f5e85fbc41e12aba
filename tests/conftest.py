"""Shared fixtures: every test gets its own empty data home, so no test touches real user data."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def bank_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("bank-cache")


@pytest.fixture(autouse=True)
def mlprep_home(tmp_path, monkeypatch, bank_cache):
    home = tmp_path / "home"
    monkeypatch.setenv("MLPREP_HOME", str(home))
    monkeypatch.setenv("MLPREP_CACHE", str(bank_cache))
    monkeypatch.setenv("MLPREP_WORKSPACE", str(tmp_path / "workspace"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home
