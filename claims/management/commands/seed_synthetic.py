"""Fill the database with synthetic articles and claims shaped like three years of war reporting.

For load tests and the dashboard benchmark only: every article it writes says "synthetic" in its
source name and extractor version. On PostgreSQL rows go in through COPY (a million claims in well
under a minute); elsewhere through large bulk_create batches.
"""

from __future__ import annotations

import datetime
import math
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from claims.models import Article, Claim, Claimant, Outlet, Place, Region, Unit, content_hash

SYNTHETIC = "synthetic"

# Used only when the registries are empty (seed files not loaded): enough names to look real.
FALLBACK_REGIONS = [
    ("Kursk Oblast", "RU", ["Kursk region", "Kursk direction"]),
    ("Belgorod Oblast", "RU", ["Belgorod region"]),
    ("Donetsk Oblast", "UA", ["Donetsk region", "Donbas"]),
    ("Luhansk Oblast", "UA", ["Luhansk region"]),
    ("Kharkiv Oblast", "UA", ["Kharkiv region"]),
    ("Zaporizhzhia Oblast", "UA", ["Zaporizhzhia region"]),
    ("Kherson Oblast", "UA", ["Kherson region"]),
    ("Sumy Oblast", "UA", ["Sumy region"]),
    ("Dnipropetrovsk Oblast", "UA", ["Dnipropetrovsk region"]),
    ("Crimea", "UA", ["Crimean peninsula"]),
]
FALLBACK_PLACES = [
    ("Sudzha", "Kursk Oblast"),
    ("Pokrovsk", "Donetsk Oblast"),
    ("Bakhmut", "Donetsk Oblast"),
    ("Avdiivka", "Donetsk Oblast"),
    ("Kupiansk", "Kharkiv Oblast"),
    ("Vovchansk", "Kharkiv Oblast"),
    ("Robotyne", "Zaporizhzhia Oblast"),
    ("Krynky", "Kherson Oblast"),
    ("Kreminna", "Luhansk Oblast"),
]
FALLBACK_UNITS = [
    ("47th Separate Mechanized Brigade", "UA", "brigade"),
    ("80th Separate Air Assault Brigade", "UA", "brigade"),
    ("93rd Separate Mechanized Brigade", "UA", "brigade"),
    ("3rd Separate Assault Brigade", "UA", "brigade"),
    ("241st Territorial Defense Brigade", "UA", "brigade"),
    ("Rubizh Brigade", "UA", "brigade"),
    ("8th Special Forces Regiment", "UA", "regiment"),
    ("North group of forces", "RU", "group"),
    ("West group of forces", "RU", "group"),
    ("South group of forces", "RU", "group"),
    ("Centre group of forces", "RU", "group"),
    ("East group of forces", "RU", "group"),
    ("Dnepr group of forces", "RU", "group"),
    ("155th Guards Naval Infantry Brigade", "RU", "brigade"),
    ("76th Guards Air Assault Division", "RU", "division"),
]
FALLBACK_CLAIMANTS = [
    ("General Staff of the Armed Forces of Ukraine", "UA"),
    ("Ukrainian Air Force", "UA"),
    ("Ukrainian Defence Ministry", "UA"),
    ("Russian Defence Ministry", "RU"),
    ("South Korean government", "other"),
    ("UK Defence Ministry", "other"),
    ("Mediazona", "other"),
]
OUTLETS = [
    "Kyiv Independent", "Ukrainska Pravda", "Ukrinform", "RBC-Ukraine", "Militarnyi", "Euromaidan Press",
    "Reuters", "Associated Press", "Agence France-Presse", "BBC News", "The Guardian", "Deutsche Welle",
    "Al Jazeera", "Newsweek", "CNN", "Politico Europe", "TASS", "RIA Novosti", "Interfax", "Meduza",
    "The Moscow Times", "Novaya Gazeta Europe", "Yonhap", "Korea Herald", "NK News", "Kyiv Post",
]  # fmt: skip

# Daily scale of each reported figure (mean at intensity 1.0) and how many outlets tend to repeat it.
EQUIPMENT_DAILY = {
    "tank": 8, "armored_vehicle": 18, "artillery": 30, "mlrs": 2, "air_defense": 1,
    "uav": 90, "vehicle": 60, "special_equipment": 2, "missile": 4,
}  # fmt: skip
EQUIPMENT_WORDS = {
    "tank": "tanks", "armored_vehicle": "armoured combat vehicles", "artillery": "artillery systems",
    "mlrs": "multiple rocket launchers", "air_defense": "air defence systems", "uav": "drones",
    "vehicle": "vehicles and fuel tanks", "special_equipment": "units of special equipment",
    "missile": "cruise missiles",
}  # fmt: skip
# Loads of at least this many claims rebuild the full-text indexes at the end instead of row by row.
BIG_LOAD = 50_000
# At most this many copies of a figure on average; beyond it the day gets more local figures.
MAX_SCALE = 3.0
SIDE_NAMES = {"UA": "Ukraine", "RU": "Russia", "KP": "North Korea", "other": "third parties"}
SIDE_ADJ = {"UA": "Ukrainian", "RU": "Russian", "KP": "North Korean", "other": "foreign"}


@dataclass
class Fact:
    """One reported figure, before the outlets that repeat it are chosen."""

    category: str
    subject_side: str
    claimant: Claimant | None
    claimant_side: str | None
    value: int | None
    period: str
    day: datetime.date
    sentence: str
    repeats: int
    equipment: str | None = None
    value_max: int | None = None
    qualifier: str = "exact"
    region: Region | None = None
    place: Place | None = None
    unit: Unit | None = None
    fact_key: str = ""


@dataclass
class SyntheticArticle:
    id: int
    day: datetime.date
    outlet: Outlet
    unverified: bool
    claims: list[tuple[Fact, bool]] = field(default_factory=list)  # (fact, region dropped by this outlet)


class Registries:
    def __init__(self) -> None:
        self.regions = {r.name: r for r in Region.objects.all()}
        self.places = list(Place.objects.select_related("region"))
        self.units = list(Unit.objects.all())
        self.claimants = list(Claimant.objects.all())
        self.outlets = [Outlet.objects.get_or_create(name=name)[0] for name in OUTLETS]

    def claimant(self, side: str, *words: str) -> Claimant | None:
        for claimant in self.claimants:
            if claimant.side == side and all(w.lower() in claimant.name.lower() for w in words):
                return claimant
        return next((c for c in self.claimants if c.side == side), None)

    def units_of(self, side: str) -> list[Unit]:
        return [u for u in self.units if u.side == side]


def _ensure_registries() -> None:
    if Region.objects.exists():
        return
    for name, country, aliases in FALLBACK_REGIONS:
        Region.objects.create(name=name, slug=Region.make_slug(name), country=country, aliases=aliases)
    regions = {r.name: r for r in Region.objects.all()}
    for name, region in FALLBACK_PLACES:
        Place.objects.get_or_create(
            name=name, region=regions[region], defaults={"slug": Place.make_slug(name, region)}
        )
    for name, side, kind in FALLBACK_UNITS:
        Unit.objects.get_or_create(
            name=name, defaults={"slug": Unit.make_slug(name), "side": side, "kind": kind}
        )
    for name, side in FALLBACK_CLAIMANTS:
        Claimant.objects.get_or_create(name=name, defaults={"slug": Claimant.make_slug(name), "side": side})


class Generator:
    """Day by day, the figures each side publishes, and the articles that repeat them."""

    def __init__(self, reg: Registries, rng: random.Random, start: datetime.date, days: int, claims: int):
        self.reg, self.rng, self.start, self.days = reg, rng, start, days
        self.per_day = claims / days
        self.running: dict[tuple, int] = {}
        self.ua_gs = reg.claimant("UA", "general staff")
        self.ua_air = reg.claimant("UA", "air")
        self.ru_mod = reg.claimant("RU", "defen")
        self.third = [c for c in reg.claimants if c.side == "other"] or [None]
        self.ru_units = reg.units_of("RU") or [None]
        self.ua_units = reg.units_of("UA") or [None]
        # Claims name front-line regions; the registry also holds every other oblast.
        front = [reg.regions[name] for name, _, _ in FALLBACK_REGIONS if name in reg.regions]
        self.regions = front or list(reg.regions.values()) or [None]
        self.places_by_region: dict[int, list[Place]] = {}
        for place in reg.places:
            self.places_by_region.setdefault(place.region_id, []).append(place)

    def intensity(self, i: int) -> float:
        # Slow seasonal swell with offensives, so charts have shape.
        return 1.0 + 0.35 * math.sin(i / 58.0) + 0.25 * math.sin(i / 17.0 + 1.3)

    def _n(self, mean: float) -> int:
        return max(0, int(self.rng.gauss(mean, mean * 0.3 + 0.5)))

    def facts_for(self, i: int) -> list[Fact]:
        day = self.start + datetime.timedelta(days=i)
        k = self.intensity(i)
        rng = self.rng
        facts: list[Fact] = []

        def add(category: str, side: str, by: Claimant | None, value: int | None, period: str, **kw) -> None:
            claimant_side = kw.pop("claimant_side", None)
            if by is not None:
                claimant_side = by.side
            facts.append(
                Fact(category, side, by, claimant_side, value, period, day, kw.pop("sentence"), **kw)
            )

        # Ukraine's General Staff on Russia: the daily figure and the running total, widely repeated.
        gs = self.ua_gs
        gs_name = gs.name if gs else "Ukraine's General Staff"
        daily = self._n(900 * k) + 50
        total = self.running.get(("RU", "casualties"), 60000) + daily
        self.running[("RU", "casualties")] = total
        add(
            "casualties",
            "RU",
            gs,
            daily,
            "window",
            repeats=12,
            sentence=f"Russia lost {daily:,} servicemen over the past day, the {gs_name} said.",
        )
        add(
            "casualties",
            "RU",
            gs,
            total,
            "cumulative",
            repeats=10,
            qualifier="about",
            sentence=f"Russian losses since the invasion began reached about {total:,} personnel.",
        )
        for equipment, mean in EQUIPMENT_DAILY.items():
            n = self._n(mean * k)
            if n == 0:
                continue
            words = EQUIPMENT_WORDS[equipment]
            running = self.running[("RU", equipment)] = self.running.get(("RU", equipment), mean * 400) + n
            add(
                "equipment",
                "RU",
                gs,
                n,
                "window",
                repeats=5,
                equipment=equipment,
                sentence=f"Ukrainian forces destroyed {n} Russian {words} in a day.",
            )
            add(
                "equipment",
                "RU",
                gs,
                running,
                "cumulative",
                repeats=3,
                equipment=equipment,
                sentence=f"In total Russia has lost {running:,} {words}.",
            )

        # Russia's Defence Ministry on Ukraine: "up to N servicemen" per direction, with its group of forces.
        mod = self.ru_mod
        for unit in rng.sample(self.ru_units, min(len(self.ru_units), 6)):
            region = rng.choice(self.regions)
            places = self.places_by_region.get(region.id, []) if region else []
            place = rng.choice(places) if places and rng.random() < 0.5 else None
            n = self._n(140 * k) + 5
            where = f" in the {place.name} direction" if place else (f" in {region.name}" if region else "")
            credit = unit.name if unit else "army"
            add(
                "casualties",
                "UA",
                mod,
                n,
                "window",
                repeats=6,
                qualifier="up_to",
                region=region,
                place=place,
                unit=unit,
                sentence=f"Over the past 24 hours the Ukrainian Armed Forces lost up to {n} "
                f"servicemen{where}, Russia's Defence Ministry said, crediting the {credit}.",
            )
        for equipment in ("tank", "armored_vehicle", "artillery", "uav"):
            n = self._n(EQUIPMENT_DAILY[equipment] * 0.6 * k)
            if n:
                add(
                    "equipment",
                    "UA",
                    mod,
                    n,
                    "window",
                    repeats=4,
                    equipment=equipment,
                    sentence=f"Russian forces hit {n} Ukrainian {EQUIPMENT_WORDS[equipment]}, Moscow said.",
                )
        n = self._n(60 * k)
        add(
            "intercepted",
            "UA",
            mod,
            n,
            "window",
            repeats=5,
            equipment="uav",
            sentence=f"Russian air defences shot down {n} Ukrainian drones overnight, the ministry said.",
        )

        # Overnight attacks on Ukraine: drones launched and shot down, per Ukraine's Air Force.
        air = self.ua_air
        launched = self._n(70 * k) + 5
        downed = int(launched * rng.uniform(0.6, 0.95))
        add(
            "launched",
            "RU",
            air,
            launched,
            "window",
            repeats=6,
            equipment="uav",
            sentence=f"Russia launched {launched} drones at Ukraine overnight, the Air Force said.",
        )
        add(
            "intercepted",
            "RU",
            air,
            downed,
            "window",
            repeats=5,
            equipment="uav",
            sentence=f"Air defences shot down {downed} of them.",
        )

        # Ukrainian brigades report their own results, sometimes with no figure at all.
        for unit in rng.sample(self.ua_units, min(len(self.ua_units), 3)):
            region = rng.choice(self.regions)
            who = unit.name if unit else "brigade"
            where = region.name if region else "the east"
            if rng.random() < 0.3:
                add(
                    "engagement",
                    "RU",
                    gs,
                    None,
                    "window",
                    repeats=2,
                    unit=unit,
                    region=region,
                    sentence=f"The {who} is destroying Russian positions in {where}.",
                )
            else:
                n = self._n(25 * k) + 1
                add(
                    "killed",
                    "RU",
                    gs,
                    n,
                    "window",
                    repeats=3,
                    unit=unit,
                    region=region,
                    sentence=f"Fighters of the {who} killed {n} Russian soldiers in {where}.",
                )

        # North Korean troops in Kursk, from October 2024: third-party estimates.
        if day >= datetime.date(2024, 10, 20):
            kursk = self.reg.regions.get("Kursk Oblast")
            by = rng.choice(self.third)
            said = by.name if by else "officials"
            if rng.random() < 0.35:
                n = self._n(40 * k) + 1
                add(
                    "casualties",
                    "KP",
                    by,
                    n,
                    "window",
                    repeats=8,
                    region=kursk,
                    qualifier="about",
                    claimant_side="other",
                    sentence=f"About {n} North Korean soldiers were killed or wounded in Kursk, {said} said.",
                )
            if rng.random() < 0.05:
                n = rng.choice([10000, 11000, 12000, 14000])
                add(
                    "deployed",
                    "KP",
                    by,
                    n,
                    "cumulative",
                    repeats=10,
                    region=kursk,
                    qualifier="about",
                    claimant_side="other",
                    sentence=f"About {n:,} North Korean troops have been deployed to Russia, {said} said.",
                )
        return facts

    def local_fact(self, day: datetime.date, k: float) -> Fact:
        """A brigade's, a direction's or a region's own figure, repeated by one or two outlets."""
        rng = self.rng
        region = rng.choice(self.regions)
        where = region.name if region else "the east"
        kind = rng.random()
        if kind < 0.4:
            unit = rng.choice(self.ua_units)
            category = rng.choice(["killed", "killed", "wounded", "captured"])
            n = self._n(30 * k) + 1
            who = unit.name if unit else "brigade"
            sentence = f"The {who} said it {category} {n} Russian soldiers in {where}."
            return Fact(
                category, "RU", self.ua_gs, "UA", n, "window", day, sentence, 2, region=region, unit=unit
            )
        if kind < 0.7:
            unit = rng.choice(self.ru_units)
            equipment = rng.choice(["tank", "armored_vehicle", "artillery", "uav", "vehicle"])
            n = self._n(12 * k) + 1
            words = EQUIPMENT_WORDS[equipment]
            sentence = (
                f"Units of the {unit.name if unit else 'army'} destroyed {n} Ukrainian {words} in {where}."
            )
            return Fact(
                "equipment", "UA", self.ru_mod, "RU", n, "window", day, sentence, 2,
                equipment=equipment, region=region, unit=unit,
            )  # fmt: skip
        equipment = rng.choice(["uav", "missile"])
        n = self._n(20 * k) + 1
        sentence = f"Russia launched {n} {EQUIPMENT_WORDS[equipment]} at {where}, the regional governor said."
        return Fact("launched", "RU", self.ua_air, "UA", n, "window", day, sentence, 2, equipment=equipment,
                    region=region)  # fmt: skip

    def articles_for(self, i: int, facts: list[Fact], next_id: Iterator[int]) -> list[SyntheticArticle]:
        """Outlets repeat each day's figures so that the day holds about per_day claims."""
        rng = self.rng
        target = self.per_day * self.intensity(i)
        weight = sum(f.repeats for f in facts) or 1
        # Past a few repeats per figure, a bigger corpus holds more local figures rather than
        # ever more copies of the national ones.
        while target / weight > MAX_SCALE:
            facts.append(self.local_fact(facts[0].day if facts else self.start, self.intensity(i)))
            weight += facts[-1].repeats
        scale = target / weight
        copies = []
        for fact in facts:
            mean = fact.repeats * scale
            n = int(mean) + (1 if rng.random() < mean - int(mean) else 0)
            if n:
                copies.append((fact, n))
        total = sum(n for _, n in copies)
        if not total:
            return []
        n_articles = max(max(n for _, n in copies), round(total / 6))
        articles = [
            SyntheticArticle(
                id=next(next_id),
                day=self.start + datetime.timedelta(days=i + (1 if rng.random() < 0.3 else 0)),
                outlet=rng.choice(self.reg.outlets),
                unverified=rng.random() < 0.12,
            )
            for _ in range(n_articles)
        ]
        for fact, n in copies:
            # A figure appears once per article: its n copies go to n different articles.
            for article in rng.sample(articles, n):
                article.claims.append((fact, fact.region is not None and rng.random() < 0.15))
        return [a for a in articles if a.claims]


def _fact_key(fact: Fact, article_id: int) -> str:
    claim = Claim(
        category=fact.category, equipment=fact.equipment, subject_side=fact.subject_side,
        claimant_side=fact.claimant_side, value=fact.value, value_max=fact.value_max, period=fact.period,
        date=fact.day, unit=fact.unit, article_id=article_id,
    )  # fmt: skip
    return claim.compute_fact_key()


REVIEW_STATUSES = ["unreviewed"] * 92 + ["confirmed"] * 5 + ["disputed"] * 2 + ["rejected"]


def _article_text(article: SyntheticArticle) -> tuple[str, str, list[tuple[int, int]]]:
    """The article's title, text and the offsets of each claim's sentence in it."""
    first = article.claims[0][0]
    title = (
        f"{SIDE_NAMES[first.claimant_side or 'other']} reports {SIDE_ADJ[first.subject_side]} losses "
        f"on {first.day:%d %B %Y}"
    )
    parts = [title, "\n\n"]
    offsets = []
    pos = len(title) + 2
    for fact, _ in article.claims:
        offsets.append((pos, pos + len(fact.sentence)))
        parts.append(fact.sentence + " ")
        pos += len(fact.sentence) + 1
    if article.unverified:
        parts.append("The figures could not be independently verified. ")
    parts.append(f"(Synthetic article {article.id}.)")
    return title, "".join(parts), offsets


def _copy_escape(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def _column_list(columns: list[str]) -> str:
    return ", ".join(connection.ops.quote_name(c) for c in columns)


class Writer:
    """Writes rows for one model, filling every column the model has (defaults for those not given)."""

    def __init__(self, model, skip_id: bool) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not (skip_id and f.primary_key)]
        self.columns = [f.column for f in self.fields]
        self.defaults = {f.attname: f.get_default() for f in self.fields}

    def instance(self, row: list):
        return self.model(**dict(zip((f.attname for f in self.fields), row, strict=True)))

    def row(self, values: dict) -> list:
        return [values[f.attname] if f.attname in values else self.defaults[f.attname] for f in self.fields]


class Command(BaseCommand):
    help = "Fill the database with synthetic articles and claims over three years (for load tests)."
    # A data tool: it needs the models, not the URL or admin checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("--claims", type=int, default=100_000, help="about how many claims to write")
        parser.add_argument("--end", type=datetime.date.fromisoformat, default=datetime.date(2025, 6, 30))
        parser.add_argument("--days", type=int, default=3 * 365, help="how many days the claims span")
        parser.add_argument("--seed", type=int, default=20241126, help="random seed, for repeatable data")

    def handle(self, *args, **options) -> None:
        if options["claims"] < 1 or options["days"] < 1:
            raise CommandError("--claims and --days must be positive")
        started = time.monotonic()
        _ensure_registries()
        reg = Registries()
        start = options["end"] - datetime.timedelta(days=options["days"] - 1)
        gen = Generator(reg, random.Random(options["seed"]), start, options["days"], options["claims"])
        with transaction.atomic():
            if connection.vendor == "postgresql":
                articles, claims = self._copy(gen)
            else:
                articles, claims = self._bulk(gen)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE claims_article")
                cursor.execute("ANALYZE claims_claim")
        took = time.monotonic() - started
        self.stdout.write(f"{articles:,} synthetic articles and {claims:,} claims written in {took:.1f} s")

    def _batches(self, gen: Generator, first_id: int) -> Iterator[list[SyntheticArticle]]:
        ids = iter(range(first_id, first_id + 10**12))
        batch: list[SyntheticArticle] = []
        for i in range(gen.days):
            batch += gen.articles_for(i, gen.facts_for(i), ids)
            if len(batch) >= 5000:
                yield batch
                batch = []
        if batch:
            yield batch

    def _rows(self, batch: list[SyntheticArticle], articles: Writer, claims: Writer, rng: random.Random):
        now = timezone.now()
        article_rows, claim_rows = [], []
        for article in batch:
            title, text, offsets = _article_text(article)
            article_rows.append(
                articles.row(
                    {
                        "id": article.id, "title": title, "outlet_id": article.outlet.id,
                        "url": f"https://example.org/synthetic/{article.id}", "published": article.day,
                        "text": text, "content_hash": content_hash(text), "source_name": SYNTHETIC,
                        "source_kind": "txt", "uploaded_at": now, "status": "done", "status_changed_at": now,
                        "processed_at": now, "extractor_version": SYNTHETIC, "unverified": article.unverified,
                    }
                )
            )  # fmt: skip
            for (fact, drop_region), (start, end) in zip(article.claims, offsets, strict=True):
                if not fact.fact_key or fact.category == "engagement":
                    fact.fact_key = _fact_key(fact, article.id)
                region = None if drop_region else fact.region
                claim_rows.append(
                    claims.row(
                        {
                            "article_id": article.id, "category": fact.category, "equipment": fact.equipment,
                            "value": fact.value, "value_max": fact.value_max, "qualifier": fact.qualifier,
                            "subject_side": fact.subject_side,
                            "claimant_id": fact.claimant.id if fact.claimant else None,
                            "claimant_raw": fact.claimant.name if fact.claimant else "",
                            "claimant_side": fact.claimant_side, "period": fact.period, "date": fact.day,
                            "region_id": region.id if region else None,
                            "region_raw": region.name if region else "",
                            "place_id": fact.place.id if fact.place and region else None,
                            "place_raw": fact.place.name if fact.place and region else "",
                            "unit_id": fact.unit.id if fact.unit else None,
                            "unit_raw": fact.unit.name if fact.unit else "",
                            "evidence": fact.sentence, "start": start, "end": end, "fact_key": fact.fact_key,
                            "extractor_version": SYNTHETIC, "review_status": rng.choice(REVIEW_STATUSES),
                            "created_at": now, "updated_at": now,
                        }
                    )
                )  # fmt: skip
        return article_rows, claim_rows

    def _copy(self, gen: Generator) -> tuple[int, int]:
        articles, claims = Writer(Article, skip_id=False), Writer(Claim, skip_id=True)
        n_articles = n_claims = 0
        with connection.cursor() as cursor:
            # Article ids are handed out here, so nobody else may insert articles meanwhile.
            cursor.execute("LOCK TABLE claims_article IN EXCLUSIVE MODE")
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM claims_article")
            first_id = cursor.fetchone()[0] + 1
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            rebuild = self._drop_search_indexes(cursor) if gen.per_day * gen.days >= BIG_LOAD else []
            a_sql = f"COPY claims_article ({_column_list(articles.columns)}) FROM STDIN"
            c_sql = f"COPY claims_claim ({_column_list(claims.columns)}) FROM STDIN"
            for batch in self._batches(gen, first_id):
                article_rows, claim_rows = self._rows(batch, articles, claims, gen.rng)
                for sql, rows in ((a_sql, article_rows), (c_sql, claim_rows)):
                    with raw.copy(sql) as copy:
                        copy.write("".join("\t".join(map(_copy_escape, r)) + "\n" for r in rows))
                n_articles += len(article_rows)
                n_claims += len(claim_rows)
                self.stdout.write(f"  {n_claims:,} claims", ending="\r")
                self.stdout.flush()
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('claims_article', 'id'), "
                "(SELECT COALESCE(MAX(id), 1) FROM claims_article))"
            )
            if rebuild:
                self.stdout.write("\nbuilding the full-text indexes again ...", ending="")
                # Foreign keys are checked at commit; CREATE INDEX wants those checks done first.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                for statement in rebuild:
                    cursor.execute(statement)
        self.stdout.write("")
        return n_articles, n_claims

    def _drop_search_indexes(self, cursor) -> list[str]:
        """Drop the GIN indexes for a big load and return the statements that make them again.

        Adding rows one by one to a GIN index costs more than the rest of the load; building it
        once at the end is several times faster. The drop holds its table locked until commit.
        """
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename IN ('claims_claim', 'claims_article', 'claims_articlesearch') "
            "AND indexdef LIKE '%% USING gin %%'"
        )
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        return [definition for _, definition in found]

    def _bulk(self, gen: Generator) -> tuple[int, int]:
        articles, claims = Writer(Article, skip_id=False), Writer(Claim, skip_id=True)
        first_id = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        n_articles = n_claims = 0
        for batch in self._batches(gen, first_id):
            article_rows, claim_rows = self._rows(batch, articles, claims, gen.rng)
            Article.objects.bulk_create([articles.instance(r) for r in article_rows], batch_size=1000)
            Claim.objects.bulk_create([claims.instance(r) for r in claim_rows], batch_size=2000)
            n_articles += len(article_rows)
            n_claims += len(claim_rows)
        return n_articles, n_claims
