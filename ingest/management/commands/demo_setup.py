from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from claims.services import roles_ensure
from ingest.services import demo_articles_load


class Command(BaseCommand):
    help = "Prepare the embedded demo: an account with every role and the demo articles; prints its login."

    def handle(self, *args, **options) -> None:
        roles_ensure()
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=settings.DEMO_USERNAME)
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        user.groups.add(*Group.objects.filter(name__in=["Viewer", "Contributor", "Reviewer"]))
        # Through the upload service, so the demo shows the real path; a second run finds them all stored.
        stored, existing = demo_articles_load(user=user)
        self.stdout.write(f"Demo articles: {stored} stored, {existing} already there")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo login: username {settings.DEMO_USERNAME!r}, password {settings.DEMO_PASSWORD!r} "
                "(local demo only; make real accounts with createsuperuser and the admin)"
            )
        )
