"""The API tokens page: a user's tokens (name, created, last used, expiry, read-only or read-write), a form
to create one (shown once, then only its first characters), and revocation."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from api.models import ApiToken

MAX_EXPIRY_DAYS = 3650


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What the token is for, e.g. 'notebook on my laptop'.")
    expires_in_days = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_EXPIRY_DAYS, label="Expires in (days)",
        help_text="Leave empty for a token that does not expire.",
    )  # fmt: skip
    read_write = forms.BooleanField(
        required=False, label="Read-write", help_text="Also upload and review, as your role allows."
    )


@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    created = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            days = form.cleaned_data["expires_in_days"]
            token, created = ApiToken.objects.create(
                user=request.user,
                expiry=timedelta(days=days) if days else None,
                name=form.cleaned_data["name"],
                read_only=not form.cleaned_data["read_write"],
            )
            form = TokenForm()
        else:
            status = 400
    tokens = ApiToken.objects.filter(user=request.user)
    context = {"form": form, "tokens": tokens, "created": created}
    return render(request, "api/tokens.html", context, status=status)


@require_POST
def token_revoke(request: HttpRequest, key: str) -> HttpResponse:
    token = get_object_or_404(ApiToken, user=request.user, token_key=key)
    token.delete()
    messages.success(request, f"The token '{token.name}' is revoked: it no longer works.")
    return redirect("api:tokens")
