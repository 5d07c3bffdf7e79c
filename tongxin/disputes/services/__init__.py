"""Every write to a mediation case: open it, then take actions on it (services.transition)."""

from tongxin.disputes.services.opening import dispute_open, dispute_open_from_work_order
from tongxin.disputes.services.transition import dispute_transition

__all__ = ["dispute_open", "dispute_open_from_work_order", "dispute_transition"]
