"""Download responses shared by the pages and the API."""

import re
from typing import IO, TypeVar
from urllib.parse import quote

from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase

R = TypeVar("R", bound=HttpResponseBase)

# What a quoted filename="…" may not hold: controls, non-ASCII, the quote and the backslash.
_UNQUOTABLE = re.compile(r'[^\x20-\x7e]|["\\]')


def content_disposition(filename: str) -> str:
    """`attachment` under a name that may be Chinese (or typed by a worker): an ASCII fallback
    plus the RFC 5987 filename*, which every current browser prefers."""
    ascii_name = _UNQUOTABLE.sub("", filename.encode("ascii", "ignore").decode()) or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _as_download(response: R, filename: str) -> R:
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"  # the stored type, never a browser's guess
    return response


def download_response(*, content: bytes, filename: str, content_type: str) -> HttpResponse:
    """Bytes built for this request (a ledger, a document) as a file download."""
    return _as_download(HttpResponse(content, content_type=content_type), filename)


def file_download_response(*, file: IO[bytes], filename: str, content_type: str) -> FileResponse:
    """A stored file (an upload) streamed as a download; never shown inline, so an uploaded
    HTML or SVG cannot run in the site's origin."""
    return _as_download(FileResponse(file, content_type=content_type), filename)
