"""The API's errors as RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def problem_details(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's error response as RFC 9457 problem details: type, title, status, detail, and for a validation
    error the messages of each field under ``errors``."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _TITLES.get(response.status_code, "Error"),
        "status": response.status_code,
    }
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = "The request has errors: see errors."
        body["errors"] = data if isinstance(data, dict) else {"non_field_errors": data}
    else:
        body["detail"] = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
    response.data = body
    renderer = getattr(context.get("request"), "accepted_renderer", None)
    if renderer is None or renderer.format == "json":
        # (The schema's own YAML stays YAML.)
        response.content_type = "application/problem+json"
    return response


_TITLES = {
    status.HTTP_400_BAD_REQUEST: "Bad request",
    status.HTTP_401_UNAUTHORIZED: "Not authenticated",
    status.HTTP_403_FORBIDDEN: "Forbidden",
    status.HTTP_404_NOT_FOUND: "Not found",
    status.HTTP_405_METHOD_NOT_ALLOWED: "Method not allowed",
    status.HTTP_406_NOT_ACCEPTABLE: "Not acceptable",
    status.HTTP_409_CONFLICT: "Conflict",
    status.HTTP_413_REQUEST_ENTITY_TOO_LARGE: "Too large",
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
    status.HTTP_429_TOO_MANY_REQUESTS: "Too many requests",
}
