"""Shared fixtures: one Coach for the whole session (Kiwi loads once)."""

from __future__ import annotations

import pytest

import cs_coach


@pytest.fixture(scope="session")
def coach() -> cs_coach.Coach:
    return cs_coach.default_coach()
