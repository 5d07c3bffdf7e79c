"""laborlaw — labour-law calculators for trade-union mediators (PRC national rules).

Pure Python: no Django, no database, ``Decimal`` money, explicit dates (never "today").
The specification is ``docs/laborlaw.md`` of the shared project documents.

Entry points:

* :func:`calculate` ``(calculator, inputs) -> dict`` — run one calculator.
* :func:`describe` ``(calculator) -> dict`` and :data:`CALCULATORS` — input descriptions,
  including which inputs are jurisdiction parameters.
* :func:`amount_in_words` — an amount in Chinese capital numerals.
* :class:`InputError` — unknown calculator, missing or invalid input (``.field``,
  ``.message_zh``, ``.message_en``).

The typed layer (frozen input dataclasses and one pure function per calculator) is
re-exported below for callers that prefer it to dicts.
"""

from .annual_leave import AnnualLeaveInput, annual_leave_pay
from .compensation import SeveranceInput, severance
from .damages import DamagesInput, unlawful_termination_damages
from .dates import add_months, service_length
from .death_benefits import DeathInput, Dependant, work_injury_death
from .inputs import Field, InputError
from .limitation import TimeLimitsInput, time_limits
from .no_contract import DoubleWageInput, double_wage
from .notice import NoticePayInput, notice_pay
from .numerals import amount_in_words
from .overtime import OvertimeInput, overtime_pay
from .registry import CALCULATORS, Calculator, calculate, calculate_result, describe
from .results import CalcResult, Component
from .wagebase import WageBaseInput
from .wages import ArrearsPenaltyInput, FinalWagesInput, final_wages, wage_arrears_penalty
from .work_injury import DisabilityInput, work_injury_disability

__all__ = [
    "CALCULATORS",
    "AnnualLeaveInput",
    "ArrearsPenaltyInput",
    "CalcResult",
    "Calculator",
    "Component",
    "DamagesInput",
    "DeathInput",
    "Dependant",
    "DisabilityInput",
    "DoubleWageInput",
    "Field",
    "FinalWagesInput",
    "InputError",
    "NoticePayInput",
    "OvertimeInput",
    "SeveranceInput",
    "TimeLimitsInput",
    "WageBaseInput",
    "add_months",
    "amount_in_words",
    "annual_leave_pay",
    "calculate",
    "calculate_result",
    "describe",
    "double_wage",
    "final_wages",
    "notice_pay",
    "overtime_pay",
    "service_length",
    "severance",
    "time_limits",
    "unlawful_termination_damages",
    "wage_arrears_penalty",
    "work_injury_death",
    "work_injury_disability",
]
