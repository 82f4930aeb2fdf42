"""Pages that belong to the whole site: errors in the product's layout, and the password-reset gate."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse

from ingest.views import upload_refused


def error_page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    """The product's page for a refused request; a refused form links back to the form, empty."""
    back = (request.path, "Back to the form") if request.method == "POST" else ("/", "Go to the timeline")
    context = {"title": title, "message": message, "back_url": back[0], "back_label": back[1]}
    return render(request, "errors/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # An upload over Django's request limits is refused before its view runs: answer with the
    # upload form and the limit, not a bare page.
    if request.path == reverse("ingest:upload"):
        refused = upload_refused(request, exception)
        if refused is not None:
            return refused
    return error_page(request, 400, "This request cannot be read", "This request could not be read.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = "Your account does not have the role this page needs. Ask an administrator for it."
    return error_page(request, 403, "Not allowed", message)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404, "Not found", "There is nothing at this address, or it was deleted.")


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request: the database may be what failed, and the page must not need it.
    return HttpResponse(loader.render_to_string("errors/500.html"), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    message = (
        "This form was sent without a valid security token, so it was not accepted. Reload the page "
        "(your session may have ended) and send it again."
    )
    return error_page(request, 403, "Form expired", message)


@login_not_required
def password_reset(request: HttpRequest) -> HttpResponse:
    """Django's reset form where mail is configured; elsewhere a page that says whom to ask."""
    if settings.MAIL_CONFIGURED:
        return auth_views.PasswordResetView.as_view()(request)
    message = (
        "This server sends no mail, so passwords cannot be reset by email. Ask an administrator to "
        "set a new password for you."
    )
    return error_page(request, 200, "Password reset", message)


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """For a container's health check: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
