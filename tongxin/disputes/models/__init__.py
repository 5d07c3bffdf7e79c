"""Mediation of labour disputes (domain-model.md §3, norms.md §3.3): a case, its parties and
claims, the sessions, agreements, payments, handovers and the timeline."""

from tongxin.disputes.models.case import CaseAgency, DisputeEvent, MediationCase
from tongxin.disputes.models.parties import Claim, ClaimType, Party, Payment
from tongxin.disputes.models.records import (
    Agreement,
    Handover,
    MediationSession,
    SeparationCorrection,
)

__all__ = [
    "Agreement",
    "CaseAgency",
    "Claim",
    "ClaimType",
    "DisputeEvent",
    "Handover",
    "MediationCase",
    "MediationSession",
    "Party",
    "Payment",
    "SeparationCorrection",
]
