from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Sessions and CSRF tokens are signed with the key: the web application does not start without one
# (Django itself would only fail at the first request that signs something).
try:
    settings.SECRET_KEY  # noqa: B018 - reading an empty key raises
except ImproperlyConfigured:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off") from None
