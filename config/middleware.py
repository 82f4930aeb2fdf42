"""Request checks that belong to no one view: NUL bytes in parameters, and the client's address."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from config.views import error_page

NUL = "\x00"
NUL_MESSAGE = (
    "A value in this request contains a NUL character (%00), which no text in Claimtrack can hold. "
    "Remove it and try again."
)


def _has_nul(values) -> bool:
    return any(NUL in key or any(NUL in value for value in values.getlist(key)) for key in values)


class RefuseNulBytes:
    """Answer a NUL byte in the path, the query string or a posted field with the product's 400 page.

    PostgreSQL cannot store or compare text holding NUL, so a search for one was a 500; every
    parameter is checked here once instead of in every filter and view. (A browser's form never
    sends NUL: only a hand-made request meets this page.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        posted = request.POST if request.method == "POST" else {}
        if NUL in request.path or _has_nul(request.GET) or (posted and _has_nul(posted)):
            return error_page(request, 400, "This request cannot be read", NUL_MESSAGE)
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str:
    """The address login throttling counts by: the one the TLS proxy saw, when there is a proxy.

    The proxy appends the address it received the request from, so only the last entry of
    X-Forwarded-For is the proxy's word; earlier ones are the client's and could be forged.
    """
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
