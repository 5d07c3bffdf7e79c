"""The periods of a mediation case (norms.md §3.3). Statutory 'days' are calendar days from
the next day with a holiday roll-over (workdays.period_end); the union's own acceptance
decision is counted in working days."""

from datetime import date

from tongxin.disputes.models import MediationCase
from tongxin.workdays.calendar import add_working_days, period_end

DECISION_WORKING_DAYS = (
    3  # accept or refuse within 3 working days (企业劳动争议协商调解规定) [LOCAL]
)
MEDIATION_DAYS = 15  # no agreement 15 days after receipt → arbitration (LDMAL art. 14)
CONFIRMATION_DAYS = 30  # joint application for 司法确认 (人民调解法 art. 33; 民诉法 art. 205)
# Court-referred mediation, counted from the day the materials were signed for
# (最高人民法院关于人民法院特邀调解的规定 art. 27).
REFERRAL_DAYS = {
    (MediationCase.Source.COURT_DELEGATED, ""): 30,
    (MediationCase.Source.COURT_ENTRUSTED, MediationCase.CourtProcedure.ORDINARY): 15,
    (MediationCase.Source.COURT_ENTRUSTED, MediationCase.CourtProcedure.SUMMARY): 7,
}


def decision_due(received_on: date) -> date:
    return add_working_days(received_on, DECISION_WORKING_DAYS)


def mediation_due(received_on: date) -> date:
    return period_end(received_on, MEDIATION_DAYS)


def referral_due(*, source: str, procedure: str, received_on: date) -> date | None:
    days = REFERRAL_DAYS.get((source, procedure if source != "court_delegated" else ""))
    return period_end(received_on, days) if days else None


def confirmation_due(effective_on: date) -> date:
    return period_end(effective_on, CONFIRMATION_DAYS)
