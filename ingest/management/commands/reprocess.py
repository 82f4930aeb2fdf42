"""Run extraction again for chosen articles (after an engine change, say); reviewed claims stay."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from claims.models import Article
from extraction import ENGINE_VERSION
from ingest.services import article_extract, articles_reprocess


class Command(BaseCommand):
    help = (
        "Queue articles for extraction again. Choose them with filters (combined with AND) or --all; "
        "claims a reviewer confirmed, disputed, rejected or added are kept."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="every article")
        parser.add_argument(
            "--article", type=int, action="append", default=[], help="an article id (repeatable)"
        )
        parser.add_argument(
            "--status",
            action="append",
            default=[],
            choices=Article.Status.values,
            help="current status (repeatable)",
        )
        parser.add_argument(
            "--before-version",
            nargs="?",
            const=ENGINE_VERSION,
            metavar="VERSION",
            help=f"articles not extracted by VERSION (default: the current engine, {ENGINE_VERSION})",
        )
        parser.add_argument("--published-before", type=date.fromisoformat, help="published before YYYY-MM-DD")
        parser.add_argument(
            "--inline",
            action="store_true",
            help="extract here, one by one, instead of through the task queue",
        )

    def handle(self, *args, **options) -> None:
        articles = Article.objects.all()
        chosen = False
        if options["article"]:
            articles, chosen = articles.filter(pk__in=options["article"]), True
        if options["status"]:
            articles, chosen = articles.filter(status__in=options["status"]), True
        if options["before_version"]:
            articles, chosen = articles.filter(~Q(extractor_version=options["before_version"])), True
        if options["published_before"]:
            articles, chosen = articles.filter(published__lt=options["published_before"]), True
        if not chosen and not options["all"]:
            raise CommandError(
                "say which articles: --all, or filters such as --status, --before-version, --article"
            )
        ids = articles_reprocess(articles=articles, enqueue=not options["inline"])
        if options["inline"]:
            outcomes: dict[str, int] = {}
            for pk in ids:
                outcome = article_extract(article_id=pk)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            summary = ", ".join(f"{n} {what}" for what, n in sorted(outcomes.items()))
            self.stdout.write(f"{len(ids)} article(s) extracted again: {summary or 'none'}")
        else:
            self.stdout.write(f"{len(ids)} article(s) queued for extraction")
