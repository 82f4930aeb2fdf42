"""Score the current extraction engine against the claims reviewers confirmed, corrected, rejected, added."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.reference_quality import generated_month_agreement, stored_agreement
from claims.reference_quality import render as reference_render
from review.quality import EngineUnavailable, QualityReport, Tally, quality_report


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Also score partly reviewed articles (their unreviewed claims count neither way).",
        )
        parser.add_argument("--mistakes", type=int, default=15, help="How many kinds of mistake to list.")
        parser.add_argument(
            "--examples", type=int, default=3, help="Examples listed for each kind of mistake."
        )
        parser.add_argument(
            "--reference",
            action="store_true",
            help="Instead: the share of claims that agree with the reference series, stored and on a "
            "generated month of General Staff reports.",
        )
        parser.add_argument(
            "--month",
            type=datetime.date.fromisoformat,
            default=datetime.date(2024, 5, 1),
            help="With --reference: the first day of the generated month (default 2024-05-01).",
        )

    def handle(self, *args, **options) -> None:
        if options["reference"]:
            try:
                generated, reports = generated_month_agreement(options["month"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(reference_render(stored_agreement(), generated, reports, options["month"]))
            return
        try:
            report = quality_report(
                include_partial=options["partial"],
                mistake_groups=options["mistakes"],
                examples=options["examples"],
            )
        except EngineUnavailable as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(render(report))


def _row(name: str, tally: Tally) -> str:
    return (
        f"{name:<14} {tally.precision:>6.3f} {tally.recall:>6.3f} {tally.f1:>6.3f}"
        f" {tally.tp:>6} {tally.fp:>6} {tally.fn:>6}"
    )


def render(report: QualityReport) -> str:
    """The report as plain text: the figures the quality page shows."""
    lines = [
        f"engine {report.engine_version or '(unknown version)'}: {report.articles} reviewed articles"
        + (f" ({report.articles_left_out} partly reviewed left out)" if report.articles_left_out else "")
        + f", {report.gold_claims} reviewed claims, {report.rejected_claims} rejected,"
        + f" {report.predictions} predictions",
        "",
        f"{'':<14} {'P':>6} {'R':>6} {'F1':>6} {'match':>6} {'extra':>6} {'missed':>6}",
        _row("all", report.overall),
        *(_row(category, tally) for category, tally in report.by_category.items()),
        "",
        "attribute accuracy among matched claims:",
        *(
            f"  {name:<14} {score.right:>4}/{score.total:<4} {score.accuracy:.3f}"
            for name, score in report.attributes.items()
            if score.total
        ),
        f"  {'all':<14} {report.attribute_accuracy:.3f}",
        "",
        "most frequent mistakes:",
    ]
    for group in report.mistakes:
        lines.append(f"  {group.count:>4}  {group.label}")
        for m in group.examples:
            lines.append(f"          {m.url}  {m.summary}")
            lines.append(f"            “{m.evidence[:160]}”")
    if not report.mistakes:
        lines.append("  none")
    overall = report.overall
    lines += ["", f"F1 {overall.f1:.3f} P {overall.precision:.3f} R {overall.recall:.3f}"]
    return "\n".join(lines) + "\n"
