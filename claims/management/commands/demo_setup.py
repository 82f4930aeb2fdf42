from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from claims.services import roles_ensure


class Command(BaseCommand):
    help = "Prepare the embedded demo: a local account with every role, then print its login."

    def handle(self, *args, **options) -> None:
        roles_ensure()
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=settings.DEMO_USERNAME)
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        user.groups.add(*Group.objects.filter(name__in=["Viewer", "Contributor", "Reviewer"]))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo login: username {settings.DEMO_USERNAME!r}, password {settings.DEMO_PASSWORD!r} "
                "(local demo only; make real accounts with createsuperuser and the admin)"
            )
        )
