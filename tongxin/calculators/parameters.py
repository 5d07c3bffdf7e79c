"""What each jurisdiction parameter key holds: a number, or one of the library's rule choices.

Derived from `laborlaw.describe()`, so a new rule choice in the library is accepted here
without a second list to keep in step.
"""

from functools import cache

import laborlaw
from tongxin.calculators.models import JurisdictionParameter

Key = JurisdictionParameter.Key
BOOLEAN_CHOICES = ("true", "false")


@cache
def allowed_choices(key: str) -> tuple[str, ...] | None:
    """The choices a rule key accepts, or None for a key that holds a number."""
    for name in laborlaw.CALCULATORS:
        for field in laborlaw.describe(name)["inputs"]:
            if field["jurisdiction_param"] != key:
                continue
            if field["type"] == "choice":
                return tuple(field["choices"])
            if field["type"] == "bool":
                return BOOLEAN_CHOICES
    return None


def is_rule(key: str) -> bool:
    return allowed_choices(key) is not None
