"""The claim table's rows, built in Python: fifty figures were most of a dashboard response's rendering.

`{% claim_row row filter_query %}` writes what templates/claims/_table.html's row would, every value escaped
by format_html; a template loop over the same cells cost some 1,700 variable look-ups a page.
"""

from __future__ import annotations

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim
from claims.selectors import TableRow, article_path, claims_url, registry_path

register = template.Library()

SIDE = '<span class="side side-{}">{}</span>'
LINK = '<a href="{}">{}</a>'


def _date_cell(c: Claim) -> SafeString:
    day = c.date.isoformat() if c.date else "no date"
    if not c.date_start:
        return format_html('<span class="nowrap">{}</span>', day)
    return format_html(
        '<span class="nowrap">{}</span><br><span class="muted">from <span class="nowrap">{}</span></span>',
        day,
        c.date_start.isoformat(),
    )


def _figure_cell(c: Claim) -> SafeString:
    if c.value is None:
        figure = mark_safe('<span class="muted">—</span>')
    else:
        qualifier = (
            format_html('<span class="muted">{}</span> ', c.get_qualifier_display().lower())
            if c.qualifier != "exact"
            else ""
        )
        upper = f"–{intcomma(c.value_max)}" if c.value_max is not None else ""
        figure = format_html('{}<span class="nowrap">{}{}</span>', qualifier, intcomma(c.value), upper)
    check = getattr(c, "reference_check", None)
    if not check:
        return figure
    if check.status == "agrees":
        said = "agrees with the reference"
    elif check.status == "differs":
        said = f"reference {intcomma(check.reference_value)}"
    else:
        said = "no reference that day"
    reference = '{}<br><span class="muted reference-{}" title="{}">{}</span>'
    return format_html(reference, figure, check.status, check.series.name, said)


def _category_cell(c: Claim) -> SafeString:
    return format_html(
        "{}{}{}<br>" + '<span class="muted">{}</span>',
        c.get_category_display(),
        mark_safe(' <span class="badge badge-civilian">civilians</span>') if c.civilian else "",
        format_html('<br><span class="muted">{}</span>', c.get_equipment_display()) if c.equipment else "",
        c.get_period_display().lower(),
    )


def _claimant_cell(c: Claim) -> SafeString:
    if c.claimant:
        who = format_html("{}", c.claimant.name)
    elif c.claimant_raw:
        who = format_html("{}", c.claimant_raw)
    else:
        who = mark_safe('<span class="muted">unattributed</span>')
    if not c.claimant_side:
        return who
    return format_html("{}<br>" + SIDE, who, c.claimant_side, c.get_claimant_side_display())


def _where_cell(c: Claim) -> SafeString:
    if c.region:
        region = format_html(LINK, registry_path("claims:region", c.region.slug), c.region.name)
    else:
        region = format_html("{}", c.region_raw or "—")
    place = c.place.name if c.place else c.place_raw
    return format_html('{}<br><span class="muted">{}</span>', region, place) if place else region


def _unit_cell(c: Claim) -> SafeString:
    if c.unit:
        return format_html(LINK, registry_path("claims:unit", c.unit.slug), c.unit.name)
    return format_html("{}", c.unit_raw or "—")


def _evidence_cell(row: TableRow) -> SafeString:
    c, article = row.claim, row.claim.article
    said = []
    if article.outlet:
        said.append(f"{article.outlet.name}, ")
    said.append(article.published.isoformat() if article.published else "")
    if article.unverified:
        said.append(", unverified")
    return format_html(
        '<q>{}</q><br><a href="{}#evidence-{}">{}</a> <span class="muted">{}</span>',
        row.evidence,
        article_path(article.pk),
        c.pk,
        str(article),
        "".join(said),
    )


def _sources_cell(row: TableRow, filter_query: str) -> SafeString:
    if row.source_count <= 1:
        return mark_safe("1 source")
    more = ""
    if row.more_sources:
        query = f"{filter_query}&" if filter_query else ""
        more = format_html(
            '<a href="{}?{}fact={}">all {} sources →</a>',
            claims_url({}),
            query,
            row.cursor.fact_key,
            intcomma(row.source_count),
        )
    return format_html(
        "<details><summary>{} sources</summary><ul>{}</ul>{}</details>",
        intcomma(row.source_count),
        row.sources_html,
        more,
    )


@register.simple_tag
def claim_row(row: TableRow, filter_query: str = "") -> SafeString:
    """One figure's row of the claim table (without a Reviewer's review rows, which the template adds)."""
    c = row.claim
    cells = format_html_join(
        "\n      ",
        "<td{}>{}</td>",
        [
            ("", _date_cell(c)),
            (mark_safe(' class="num"'), _figure_cell(c)),
            ("", _category_cell(c)),
            ("", format_html(SIDE, c.subject_side, c.get_subject_side_display())),
            ("", _claimant_cell(c)),
            ("", _where_cell(c)),
            ("", _unit_cell(c)),
            (mark_safe(' class="evidence"'), _evidence_cell(row)),
            (mark_safe(' class="sources"'), _sources_cell(row, filter_query)),
            (
                "",
                format_html(
                    '<span class="badge badge-{}" data-status-of="{}">{}</span>',
                    c.review_status,
                    c.pk,
                    c.get_review_status_display(),
                ),
            ),
        ],
    )
    return format_html('<tr data-fact="{}">\n      {}\n    </tr>', row.cursor.fact_key, cells)
