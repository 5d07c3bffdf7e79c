"""QR codes for the 码上办 form of an org, to print and post in parks and enterprises."""

import io

import segno
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from tongxin.orgs.models import OrgUnit


def form_url(*, request: HttpRequest, org: OrgUnit) -> str:
    path = reverse("appeals:qr-form", args=[org.code])
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def render_qr(*, url: str, fmt: str) -> bytes:
    """PNG or SVG bytes; error correction M survives a little dirt on a printed poster."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    if fmt == "svg":
        code.save(out, kind="svg", scale=8, border=2, xmldecl=True)
    else:
        code.save(out, kind="png", scale=10, border=2)
    return out.getvalue()
