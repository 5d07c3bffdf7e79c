"""Bearer tokens are remembered in memory between requests; every change that matters for
who may do what must still take effect on the very next request."""

from django.test import Client

from tongxin.appeals.tests.factories import submit
from tongxin.orgs.models import ApiToken, StaffRole
from tongxin.orgs.services import api_token_authenticate, api_token_issue


def _client(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def _queue(client: Client):
    return client.get("/api/v1/workorders")


def test_a_revoked_token_is_refused_on_the_next_request(cast, tree):
    token = api_token_issue(actor=None, user=cast["supervisor"])
    client = _client(token)
    assert _queue(client).status_code == 200

    row = ApiToken.objects.get(user=cast["supervisor"])
    row.revoked = True
    row.save()

    assert _queue(client).status_code == 401


def test_a_deactivated_user_is_refused_on_the_next_request(cast, tree):
    client = _client(api_token_issue(actor=None, user=cast["supervisor"]))
    assert _queue(client).status_code == 200

    cast["supervisor"].is_active = False
    cast["supervisor"].save()

    assert _queue(client).status_code == 401


def test_a_removed_role_shrinks_the_scope_on_the_next_request(cast, tree):
    order = submit(tree["county_a"])
    client = _client(api_token_issue(actor=None, user=cast["supervisor"]))
    assert order.tracking_code in [r["tracking_code"] for r in _queue(client).json()["results"]]

    StaffRole.objects.filter(user=cast["supervisor"]).delete()

    assert _queue(client).json()["results"] == []
    assert client.get(f"/api/v1/workorders/{order.tracking_code}").status_code == 404


def test_each_request_gets_its_own_copy_of_the_user(cast):
    token = api_token_issue(actor=None, user=cast["handler"])
    first = api_token_authenticate(token=token)
    first.first_name = "changed by one request"  # type: ignore[union-attr]

    second = api_token_authenticate(token=token)

    assert second is not first
    assert second.first_name != "changed by one request"  # type: ignore[union-attr]
    assert api_token_authenticate(token="tx_not-a-token") is None
