"""Download responses shared by the pages and the API."""

from urllib.parse import quote

from django.http import HttpResponse


def download_response(*, content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A file download whose name may be Chinese: an ASCII fallback plus RFC 5987 filename*."""
    response = HttpResponse(content, content_type=content_type)
    ascii_name = filename.encode("ascii", "ignore").decode() or "document"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    return response
