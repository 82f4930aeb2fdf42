"""Who an API request is and what it may do: knox tokens (with their last use kept), the roles of the pages,
read-only tokens, and a rate per token."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import permissions
from rest_framework.throttling import SimpleRateThrottle

from api.models import ApiToken

# A token's last use is written at most this often: not a write on every request of a paginated walk.
LAST_USED_EVERY = timedelta(minutes=1)


class TokenAuthentication(KnoxTokenAuthentication):
    """knox's hashed tokens, sent as ``Authorization: Token <token>``, noting when each was last used."""

    def authenticate_credentials(self, token: bytes):
        user, auth_token = super().authenticate_credentials(token)
        now = timezone.now()
        if auth_token.last_used is None or now - auth_token.last_used > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=auth_token.pk).update(last_used=now)
        return user, auth_token


class RolePermission(permissions.BasePermission):
    """The roles of the pages: each view names the permission a method needs (``required_perms``: a dict of
    method to permission, "*" for the rest); a read-only token may only read."""

    message = "Your role does not allow this."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        token = request.auth if isinstance(request.auth, ApiToken) else None
        if request.method not in permissions.SAFE_METHODS and token is not None and token.read_only:
            self.message = "This token is read-only: create a read-write token to change anything."
            return False
        wanted = getattr(view, "required_perms", {})
        perm = wanted.get(request.method, wanted.get("*", "claims.view_claim"))
        self.message = "Your role does not allow this."
        return request.user.has_perm(perm)


class TokenRateThrottle(SimpleRateThrottle):
    """Requests per token (a browser session counts as its user's)."""

    scope = "token"

    def get_cache_key(self, request, view) -> str | None:
        if isinstance(request.auth, ApiToken):
            ident = f"token:{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
