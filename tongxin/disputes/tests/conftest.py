import pytest

from tongxin.orgs.models import PartnerAgency
from tongxin.orgs.services import agency_staff_create

T = PartnerAgency.Type


@pytest.fixture
def agencies(tree) -> dict[str, PartnerAgency]:
    """County A's partners for joint mediation (the HR bureau comes with the tree), and a
    court in county B that county A's cases never involve."""
    county_a, county_b = tree["county_a"], tree["county_b"]
    return {
        "hr": PartnerAgency.objects.get(code="JJ-HRSS"),
        "arbitration": PartnerAgency.objects.create(
            code="JJ-LDZC", name="晋江市劳动人事争议仲裁委员会", type=T.ARBITRATION, org=county_a
        ),
        "court": PartnerAgency.objects.create(
            code="JJ-FY", name="晋江市人民法院", type=T.COURT, org=county_a
        ),
        "other_court": PartnerAgency.objects.create(
            code="NA-FY", name="南安市人民法院", type=T.COURT, org=county_b
        ),
    }


@pytest.fixture
def clerks(agencies):
    """Users of the arbitration committee and of the court (agency staff, no union role)."""
    return {
        name: agency_staff_create(
            actor=None, username=f"{name}_clerk", agency=agencies[name], password="pw"
        ).user
        for name in ("arbitration", "court")
    }
