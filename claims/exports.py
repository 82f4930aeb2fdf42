"""CSV export of exactly the filtered claims, streamed in flat memory, its text written by the database.

On PostgreSQL the database writes the whole file (COPY ... TO STDOUT, CSV), so an export costs what COPY of
its rows costs; elsewhere it writes each line's text and Python joins them. Both write the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterator, Mapping

from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Expression,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Left, NullIf
from django.db.models.lookups import In

from claims.models import CLAIM_DAY, CLAIM_SORT_VALUE, Claim
from claims.timelines import bucket_end
from extraction import schema

CHUNK_ROWS = 2000  # rows per fetch from the server-side cursor, and per write to the response
CHUNK_BYTES = 256 * 1024  # COPY's output gathered into pieces of about this size per write

COLUMNS = [
    "claim_id",
    *schema.CLAIM_FIELDS,
    "review_status",
    "reviewed_by",
    "reviewed_at",
    "origin",
    "source_count",
    "article_id",
    "article_title",
    "outlet",
    "article_url",
    "published",
    "reference_check",
    "reference_value",
]
SOURCE_COUNT = COLUMNS.index("source_count")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(field: str) -> Cast:
    # Numbers and dates leave the database as text: the CSV needs text, and converting in SQL
    # saves building a Python date or int per cell (a third of the export's time at 1M rows).
    return Cast(field, output_field=CharField())


def neutralised(text) -> Case:
    """A cell a spreadsheet would run as a formula (= + - @ tab CR first) gets a leading apostrophe.

    Done in SQL for every column a person or an article wrote (names, evidence, titles, URLs);
    enum and number columns cannot start with those characters.
    """
    text = F(text) if isinstance(text, str) else text
    return Case(
        When(In(Left(text, 1), FORMULA_STARTS), then=Concat(Value("'"), text, output_field=TextField())),
        default=text,
        output_field=TextField(),
    )


def _name_or_raw(relation: str, raw: str) -> Case:
    # The registry's canonical name; the text as written when the name matched no registry entry.
    return neutralised(Coalesce(F(f"{relation}__name"), NullIf(F(raw), Value(""))))


# The columns a person or an article wrote: they may hold commas, quotes and line breaks.
FREE_TEXT = (
    "claimant",
    "region",
    "place",
    "unit",
    "evidence",
    "reviewed_by",
    "article_title",
    "outlet",
    "article_url",
)


def _order(sort: str) -> list:
    descending = sort.startswith("-")
    key = CLAIM_DAY if sort.endswith("date") else CLAIM_SORT_VALUE
    return [key.desc() if descending else key.asc(), F("fact_key").asc(), F("id").asc()]


def _ascending_key(sort: str) -> Expression:
    """The sort's key as a value whose ascending order is the sort's (a descending date is its distance
    to the last day there is): a window's partitions sort ascending, and so can share the file's sort."""
    if sort.endswith("date"):
        days = Func(Value(datetime.date.max), CLAIM_DAY, template="(%(expressions)s)", arg_joiner=" - ")
        return ExpressionWrapper(days, output_field=IntegerField()) if sort.startswith("-") else CLAIM_DAY
    return (
        ExpressionWrapper(-CLAIM_SORT_VALUE, output_field=BigIntegerField())
        if sort.startswith("-")
        else CLAIM_SORT_VALUE
    )


def _cells() -> dict[str, Expression]:
    """Every column's cell as text (the fact key where source_count goes), in COLUMNS order."""
    return {
        "claim_id": _text("id"),
        "category": F("category"),
        "equipment": F("equipment"),
        "value": _text("value"),
        "value_max": _text("value_max"),
        "qualifier": F("qualifier"),
        "subject_side": F("subject_side"),
        "civilian": Case(
            When(civilian=True, then=Value("true")), default=Value("false"), output_field=CharField()
        ),
        "claimant": _name_or_raw("claimant", "claimant_raw"),
        "claimant_side": F("claimant_side"),
        "period": F("period"),
        "date": _text("date"),
        "date_start": _text("date_start"),
        "region": _name_or_raw("region", "region_raw"),
        "place": _name_or_raw("place", "place_raw"),
        "unit": _name_or_raw("unit", "unit_raw"),
        "evidence": neutralised("evidence"),
        "start": _text("start"),
        "end": _text("end"),
        "review_status": F("review_status"),
        "reviewed_by": neutralised("reviewed_by__username"),
        "reviewed_at": _text("reviewed_at"),
        "origin": F("origin"),
        "source_count": F("fact_key"),
        "article_id": _text("article_id"),
        "article_title": neutralised("article__title"),
        "outlet": neutralised("article__outlet__name"),
        "article_url": neutralised("article__url"),
        "published": _text("article__published"),
        # The claim against its reference series (claims.references): agrees, differs or no_point.
        "reference_check": F("reference_check__status"),
        "reference_value": _text("reference_check__reference_value"),
    }


def export_queryset(claims: QuerySet[Claim], *, sort: str = "-date") -> QuerySet:
    """The filtered claims as rows of cells, in the table's order with each figure's sources together.

    (The fact key stands where source_count goes: these plain rows are what the bench's COPY is measured
    on; export_stream counts each figure's rows.)
    """
    # Annotation names may not shadow the model's fields, hence the prefix.
    fields = {f"x_{name}": cell for name, cell in _cells().items()}
    return claims.annotate(**fields).order_by(*_order(sort)).values_list(*fields)


def _counted_sql(claims: QuerySet[Claim], sort: str) -> tuple[str, list]:
    """export_queryset's rows with each figure's number of rows in source_count, as SQL and parameters.

    The rows are built and sorted below the count (by the parallel workers where PostgreSQL uses them); a
    window over them counts each figure's rows in the order they are already in, so nothing sorts twice
    and the cells are not worked out again in one process after the workers gather their rows.
    """
    cells = {f"x_{name}": cell for name, cell in _cells().items()}
    rows = claims.annotate(**cells, x_key=_ascending_key(sort), x_fact=F("fact_key"), x_id=F("id"))
    sql, params = (
        rows.order_by("x_key", "x_fact", "x_id")
        .values_list(*cells, "x_key", "x_fact", "x_id")
        .query.sql_with_params()
    )
    count = (
        "COUNT(*) OVER (PARTITION BY e.x_key, e.x_fact ORDER BY e.x_id "
        "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
    )
    columns = ", ".join(
        count if name == "x_source_count" else f"e.{connection.ops.quote_name(name)}" for name in cells
    )
    return f"SELECT {columns} FROM ({sql}) e ORDER BY e.x_key, e.x_fact, e.x_id", list(params)


class _Quoted(Func):
    """A cell in double quotes with its own quotes doubled, as csv.writer writes a cell that holds a
    comma, a quote or a line break. NULL stays NULL: an empty cell."""

    template = """('"' || REPLACE(%(expressions)s, '"', '""') || '"')"""
    output_field = TextField()


class _Line(Func):
    """Cells joined by commas into one piece of a CSV line, NULL cells empty, built by the database."""

    output_field = TextField()

    def __init__(self, *cells: Expression) -> None:
        parts: list[Expression] = []
        for cell in cells:
            if parts:
                parts.append(Value(","))
            parts.append(cell)
        super().__init__(*parts)

    def as_sql(self, compiler, connection, **extra_context):
        copy = self.copy()
        copy.set_source_expressions([Coalesce(e, Value("")) for e in copy.get_source_expressions()])
        return super(_Line, copy).as_sql(
            compiler, connection, template="(%(expressions)s)", arg_joiner=" || ", **extra_context
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        # CONCAT takes NULL as the empty string, and any type as its text.
        return super().as_sql(compiler, connection, function="CONCAT", **extra_context)


def export_lines(claims: QuerySet[Claim], *, sort: str = "-date") -> QuerySet:
    """The filtered claims as (CSV before source_count, fact key, CSV after it), in export_queryset's
    order. The database writes the text, so Python handles three strings a claim, not 28 cells."""
    cells = _cells()
    for name in FREE_TEXT:
        cells[name] = _Quoted(cells[name])
    columns = list(cells.values())
    return (
        claims.annotate(
            x_head=_Line(*columns[:SOURCE_COUNT]),
            x_fact_key=columns[SOURCE_COUNT],
            x_tail=_Line(*columns[SOURCE_COUNT + 1 :]),
        )
        .order_by(*_order(sort))
        .values_list("x_head", "x_fact_key", "x_tail")
    )


# Lines end with a line feed, as PostgreSQL's COPY ends them (pandas, R and spreadsheets read either ending).
HEADER = ",".join(COLUMNS) + "\n"


def export_stream(claims: QuerySet[Claim], *, sort: str = "-date", bom: bool = False) -> Iterator[bytes]:
    """The export of ``claims`` as CSV bytes, in pieces: written by PostgreSQL's COPY, or by export_lines."""
    if connection.vendor != "postgresql":
        for piece in csv_rows(export_lines(claims, sort=sort), bom=bom):
            yield piece.encode("utf-8")
        return
    yield (("\ufeff" if bom else "") + HEADER).encode("utf-8")
    sql, params = _counted_sql(claims, sort)
    # The free text always quoted (as _Quoted does), NULL an empty cell: csv.writer's file, byte for byte.
    forced = ", ".join(connection.ops.quote_name(f"x_{name}") for name in FREE_TEXT)
    statement = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE ({forced}))"
    out = bytearray()
    with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        for block in copy:
            out += block
            if len(out) >= CHUNK_BYTES:
                yield bytes(out)
                out.clear()
    if out:
        yield bytes(out)


def csv_rows(lines: QuerySet, *, bom: bool = False, chunk_size: int | None = None) -> Iterator[str]:
    """The CSV text of export_lines in pieces of about chunk_size rows, read through a server-side
    cursor.

    Each figure's claims arrive together (the lines are ordered by its key), so one figure is held
    in memory at a time to count its sources; nothing else is kept.
    """
    chunk_size = chunk_size or CHUNK_ROWS
    out = ["\ufeff" + HEADER if bom else HEADER]
    group: list[tuple[str, str]] = []
    group_key = None

    for head, key, tail in lines.iterator(chunk_size=chunk_size):
        if key != group_key:
            count = len(group)
            out.extend(f"{h},{count},{t}\n" for h, t in group)
            group.clear()
            group_key = key
            if len(out) >= chunk_size:
                yield "".join(out)
                out.clear()
        group.append((head, tail))
    count = len(group)
    out.extend(f"{h},{count},{t}\n" for h, t in group)
    yield "".join(out)


def export_filename(today: datetime.date, filters: Mapping[str, str | list[str]]) -> str:
    """claims-2025-01-31-subject_side-RU-region-kursk-oblast-sumy-oblast.csv: the day and the filters."""
    parts = [
        f"{name}-{'+'.join(value) if isinstance(value, list) else value}"
        for name, value in sorted(filters.items())
        if value
    ]
    tail = re.sub(r"[^A-Za-z0-9._-]+", "-", "_".join(parts)).strip("-")[:120]
    return f"claims-{today.isoformat()}" + (f"-{tail}" if tail else "") + ".csv"


def comparison_csv(result, out) -> None:
    """The comparison (claims.comparison.Comparison) as CSV into ``out``: per bucket, each column's summed
    figures and the claims behind them, the ratio of the sides' claims about each other, the reference's
    rise."""
    writer = csv.writer(out)
    header = ["bucket_start", "bucket_end"]
    for stance in result.stances:
        header += [stance.slug, f"{stance.slug}_claims"]
    header += ["ratio_ua_on_ru_to_ru_on_ua", "reference", "reference_rise"]
    writer.writerow(header)
    name = result.reference.name if result.reference else ""
    if name[:1] in FORMULA_STARTS:
        name = "'" + name
    for row in result.rows:
        line = [row.bucket.isoformat(), bucket_end(row.bucket, result.bucket).isoformat()]
        for cell in row.cells:
            line += ["" if cell.value is None else cell.value, cell.claims]
        ratio = "" if row.ratio is None else f"{row.ratio:.3f}"
        line += [ratio, name, "" if row.reference is None else row.reference]
        writer.writerow(line)
