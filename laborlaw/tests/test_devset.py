"""The development set of worked examples (shared/data/laborlaw_cases.json).

The file lives next to the repository (``../shared``) and is not committed; in a fresh clone
without it these tests are skipped. ``test_worked_examples.py`` always runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import laborlaw

from .helpers import mismatches, tolerance

DEV_SET = Path(__file__).resolve().parents[2].parent / "shared/data/laborlaw_cases.json"


def _cases() -> list[Any]:
    if not DEV_SET.exists():
        return [
            pytest.param(
                None,
                marks=pytest.mark.skip(reason=f"development set not found at {DEV_SET}"),
                id="dev-set-absent",
            )
        ]
    cases = json.loads(DEV_SET.read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["id"]) for case in cases]


@pytest.mark.parametrize("case", _cases())
def test_dev_example(case: dict[str, Any]) -> None:
    result = laborlaw.calculate(case["calculator"], case["inputs"])
    problems = mismatches(case["expected"], result, tolerance(case["calculator"]))
    assert not problems, f"{case['id']}: {problems}"
    for key in ("amount", "components", "basis", "flags", "assumptions"):
        assert key in result
    assert result["basis"], "every result cites its basis"
