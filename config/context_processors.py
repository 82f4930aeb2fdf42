"""What every page may need to know about this deployment."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest

from claims.selectors import open_alarm_count


def _alarm_count() -> int | None:
    """The open alarms, or None when the database cannot answer: the page saying so must still render."""
    try:
        return open_alarm_count()
    except DatabaseError:
        return None


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "mail_configured": settings.MAIL_CONFIGURED,
        "login_cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        # Called only where a page shows it (the navigation, for a signed-in user): one indexed count.
        "open_alarm_count": _alarm_count,
    }
