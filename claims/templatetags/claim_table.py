"""The claim table's rows, built in Python: fifty figures were most of a dashboard response's rendering.

`{% claim_row row filter_query %}` writes what a template row would, every value escaped with the standard
library's html.escape (what Django's escape calls); a template loop over the same cells cost some 1,700
variable look-ups a page, and format_html's checks on each of a page's ~2,500 pieces most of the rest.
"""

from __future__ import annotations

from html import escape

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim
from claims.selectors import TableRow, article_path, claims_url, registry_path

register = template.Library()


def _display(field: str) -> dict[str, str]:
    return {str(value): str(label) for value, label in Claim._meta.get_field(field).flatchoices}


# The choices' labels, read once (get_FOO_display hashes the choices again on every call).
CATEGORY, EQUIPMENT, PERIOD, QUALIFIER = (
    _display(f) for f in ("category", "equipment", "period", "qualifier")
)
SIDE_NAME, REVIEW = _display("subject_side"), _display("review_status")


def _side(side: str) -> str:
    return f'<span class="side side-{escape(side)}">{escape(SIDE_NAME.get(side, side))}</span>'


def _date_cell(c: Claim) -> str:
    day = c.date.isoformat() if c.date else "no date"
    if not c.date_start:
        return f'<span class="nowrap">{day}</span>'
    return (
        f'<span class="nowrap">{day}</span><br>'
        f'<span class="muted">from <span class="nowrap">{c.date_start.isoformat()}</span></span>'
    )


def _figure_cell(c: Claim) -> str:
    if c.value is None:
        figure = '<span class="muted">—</span>'
    else:
        qualifier = ""
        if c.qualifier != "exact":
            qualifier = (
                f'<span class="muted">{escape(QUALIFIER.get(c.qualifier, c.qualifier).lower())}</span> '
            )
        upper = f"–{intcomma(c.value_max)}" if c.value_max is not None else ""
        figure = f'{qualifier}<span class="nowrap">{escape(f"{intcomma(c.value)}{upper}")}</span>'
    check = getattr(c, "reference_check", None)
    if not check:
        return figure
    if check.status == "agrees":
        said = "agrees with the reference"
    elif check.status == "differs":
        said = f"reference {intcomma(check.reference_value)}"
    else:
        said = "no reference that day"
    return (
        f'{figure}<br><span class="muted reference-{escape(check.status)}" '
        f'title="{escape(check.series.name)}">{escape(said)}</span>'
    )


def _category_cell(c: Claim) -> str:
    civilians = ' <span class="badge badge-civilian">civilians</span>' if c.civilian else ""
    equipment = ""
    if c.equipment:
        equipment = f'<br><span class="muted">{escape(EQUIPMENT.get(c.equipment, c.equipment))}</span>'
    category = escape(CATEGORY.get(c.category, c.category))
    period = escape(PERIOD.get(c.period, c.period).lower())
    return f'{category}{civilians}{equipment}<br><span class="muted">{period}</span>'


def _claimant_cell(c: Claim) -> str:
    if c.claimant:
        who = escape(c.claimant.name)
    elif c.claimant_raw:
        who = escape(c.claimant_raw)
    else:
        who = '<span class="muted">unattributed</span>'
    return f"{who}<br>{_side(c.claimant_side)}" if c.claimant_side else who


def _link(path: str, text: str) -> str:
    return f'<a href="{escape(path)}">{escape(text)}</a>'


def _where_cell(c: Claim) -> str:
    region = (
        _link(registry_path("claims:region", c.region.slug), c.region.name)
        if c.region
        else escape(c.region_raw or "—")
    )
    place = c.place.name if c.place else c.place_raw
    return f'{region}<br><span class="muted">{escape(place)}</span>' if place else region


def _unit_cell(c: Claim) -> str:
    return (
        _link(registry_path("claims:unit", c.unit.slug), c.unit.name) if c.unit else escape(c.unit_raw or "—")
    )


def _evidence_cell(row: TableRow) -> str:
    c, article = row.claim, row.claim.article
    said = f"{article.outlet.name}, " if article.outlet else ""
    said += article.published.isoformat() if article.published else ""
    if article.unverified:
        said += ", unverified"
    return (
        f"<q>{row.evidence}</q><br>"
        f'<a href="{escape(article_path(article.pk))}#evidence-{c.pk}">{escape(str(article))}</a> '
        f'<span class="muted">{escape(said)}</span>'
    )


def _sources_cell(row: TableRow, filter_query: str) -> str:
    if row.source_count <= 1:
        return "1 source"
    count = escape(intcomma(row.source_count))
    more = ""
    if row.more_sources:
        query = f"{filter_query}&" if filter_query else ""
        link = f"{claims_url({})}?{query}fact={row.cursor.fact_key}"
        more = f'<a href="{escape(link)}">all {count} sources →</a>'
    items = []
    for s in row.shown_sources:
        said = escape(f"{s.outlet}, " if s.outlet else "") + (s.published.isoformat() if s.published else "")
        items.append(
            f'<li><a href="{escape(s.url)}">{escape(s.title)}</a> <span class="muted">{said}</span></li>'
        )
    return f"<details><summary>{count} sources</summary><ul>{''.join(items)}</ul>{more}</details>"


@register.simple_tag
def claim_row(row: TableRow, filter_query: str = "") -> SafeString:
    """One figure's row of the claim table (without a Reviewer's review rows, which the template adds)."""
    c = row.claim
    status = escape(c.review_status)
    review = (
        f'<span class="badge badge-{status}" data-status-of="{c.pk}">{escape(REVIEW[c.review_status])}</span>'
    )
    cells = "\n      ".join(
        (
            f"<td>{_date_cell(c)}</td>",
            f'<td class="num">{_figure_cell(c)}</td>',
            f"<td>{_category_cell(c)}</td>",
            f"<td>{_side(c.subject_side)}</td>",
            f"<td>{_claimant_cell(c)}</td>",
            f"<td>{_where_cell(c)}</td>",
            f"<td>{_unit_cell(c)}</td>",
            f'<td class="evidence">{_evidence_cell(row)}</td>',
            f'<td class="sources">{_sources_cell(row, filter_query)}</td>',
            f"<td>{review}</td>",
        )
    )
    return mark_safe(f'<tr data-fact="{escape(row.cursor.fact_key)}">\n      {cells}\n    </tr>')  # noqa: S308 - every value escaped above
