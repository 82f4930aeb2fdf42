"""Hand-written sentences in the register of war reporting, each with the claims it must give.

Every `Case` lists in `expect` one dict per claim the text must give, naming only the fields the text
fixes (SCHEMA.md field names); `[]` marks a text that holds no claim at all. A list as a field's value
accepts any of its items, as in the dev gold: used where the text honestly allows two readings (the end
of "the past 24 hours" may be the day before publication or the day itself).

Canonical names (claimants, regions, places, units) are those of claims/seed_data/*.json.
Weekdays are resolved to the last such day before publication; dates were checked with `datetime`.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    id: str
    text: str
    published: str
    expect: list[dict[str, object]]
    note: str = ""


# fmt: off
# The tables below are laid out by hand, one claim to a line or two, which the formatter would explode.

P = "2024-11-26"  # a Tuesday: yesterday is 2024-11-25 (Mon), Sunday 11-24, Friday 11-22
# "the past 24 hours" and "overnight" straddle two days: either may be named as the day of the claim.
P_PAST_DAY = ["2024-11-25", "2024-11-26"]

GS = "General Staff of the Armed Forces of Ukraine"
RU_MOD = "Russian Defence Ministry"
UA_MOD = "Ukrainian Defence Ministry"
UA_AIR_FORCE = "Air Force of Ukraine"
HUR = "Main Intelligence Directorate of Ukraine"
ZELENSKY = "President of Ukraine"
NIS = "National Intelligence Service of South Korea"
SK_GOV = "South Korean government"
UK_DI = "UK Defence Intelligence"
MEDIAZONA = "Mediazona"

KURSK = "Kursk Oblast"
DONETSK = "Donetsk Oblast"
KHARKIV = "Kharkiv Oblast"

KILLED: list[Case] = [
    Case(
        "killed-ua-gs-yesterday",
        "Ukraine's General Staff said 824 Russian soldiers were killed yesterday in fighting along the "
        "eastern front.",
        "2023-02-08",
        [
            dict(category="killed", value=824, subject_side="RU", qualifier="exact", claimant=GS,
                 claimant_side="UA", period="window", date="2023-02-07"),
        ],
    ),
    Case(
        "killed-ru-mod-more-than-kurakhove",
        "More than 200 Ukrainian servicemen were killed in failed attacks near Kurakhove, the Russian "
        "Defence Ministry said.",
        P,
        [
            dict(category="killed", value=200, subject_side="UA", qualifier="at_least", claimant=RU_MOD,
                 claimant_side="RU", place="Kurakhove", region=DONETSK),
        ],
    ),
    Case(
        "killed-kp-nis-about",
        "South Korea's National Intelligence Service estimates that about 300 North Korean soldiers have "
        "been killed fighting in the Kursk region.",
        "2025-01-16",
        [
            dict(category="killed", value=300, subject_side="KP", qualifier="about", claimant=NIS,
                 claimant_side="other", region=KURSK),
        ],
    ),
    Case(
        "killed-mediazona-names-cumulative",
        "Mediazona and the BBC's Russian service have confirmed the names of 78,329 Russian soldiers killed "
        "since the start of the full-scale invasion.",
        P,
        [
            dict(category="killed", value=78329, subject_side="RU", qualifier="exact",
                 claimant=[MEDIAZONA, "BBC Russian"], claimant_side="other", period="cumulative"),
        ],
        "Mediazona is Russian-language but independent: a third party.",
    ),
    Case(
        "killed-two-word-vovchansk",
        "Two Ukrainian soldiers were killed when their dugout was hit near Vovchansk, a Ukrainian "
        "brigade's spokesman said.",
        P,
        [
            dict(category="killed", value=2, subject_side="UA", qualifier="exact", claimant_side="UA",
                 place="Vovchansk", region=KHARKIV),
        ],
    ),
    Case(
        "killed-fifty-died-krynky",
        "Fifty Russian marines died in the failed river crossing near Krynky, Ukraine's Navy said.",
        P,
        [
            dict(category="killed", value=50, subject_side="RU", qualifier="exact", claimant="Ukrainian Navy",
                 claimant_side="UA", place="Krynky", region="Kherson Oblast"),
        ],
    ),
    Case(
        "killed-a-thousand-caps",
        "Ukraine claims more than a THOUSAND Russian troops were killed on the battlefield in a single day.",
        P,
        [
            dict(category="killed", value=1000, subject_side="RU", qualifier="at_least", claimant_side="UA",
                 period="window"),
        ],
    ),
    Case(
        "killed-one-officer-toretsk",
        "One Russian officer was killed by a Ukrainian sniper near Toretsk, the Ukrainian military said.",
        P,
        [
            dict(category="killed", value=1, subject_side="RU", claimant_side="UA", place="Toretsk",
                 region=DONETSK),
        ],
    ),
    Case(
        "killed-twenty-five-kp",
        "Twenty-five North Korean soldiers were killed in a single assault in the Kursk region, Ukraine's "
        "military intelligence said.",
        "2025-01-07",
        [
            dict(category="killed", value=25, subject_side="KP", qualifier="exact", claimant=HUR,
                 claimant_side="UA", region=KURSK),
        ],
    ),
    Case(
        "killed-wounded-seoul-dead-injured",
        "According to Seoul, 300 North Korean troops are dead and 2,700 injured.",
        "2025-01-16",
        [
            dict(category="killed", value=300, subject_side="KP", claimant_side="other"),
            dict(category="wounded", value=2700, subject_side="KP", claimant_side="other"),
        ],
    ),
    Case(
        "killed-kia-ru-mod-telegram",
        "Russia's Defence Ministry said on Telegram that up to 130 Ukrainian soldiers had been killed in "
        "action near Pokrovsk.",
        P,
        [
            dict(category="killed", value=130, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", place="Pokrovsk", region=DONETSK),
        ],
    ),
    Case(
        "killed-own-side-prigozhin",
        "Wagner chief Yevgeny Prigozhin said 20,000 of his fighters had died in the battle for Bakhmut.",
        "2023-05-25",
        [
            dict(category="killed", value=20000, subject_side="RU", claimant="Wagner Group",
                 claimant_side="RU", place="Bakhmut", region=DONETSK),
        ],
        "A side's figure about itself.",
    ),
    Case(
        "killed-own-side-zelensky-cumulative",
        "Zelensky said 31,000 Ukrainian soldiers had been killed since the start of the full-scale invasion.",
        "2024-02-26",
        [
            dict(category="killed", value=31000, subject_side="UA", qualifier="exact", claimant=ZELENSKY,
                 claimant_side="UA", period="cumulative"),
        ],
    ),
    Case(
        "killed-almost-krynky-navy",
        "Almost 500 Russian marines have been killed in the fighting for Krynky, the Ukrainian Navy said.",
        P,
        [
            dict(category="killed", value=500, subject_side="RU", qualifier="about", claimant_side="UA",
                 place="Krynky"),
        ],
    ),
    Case(
        "killed-at-least-milbloggers",
        "At least 12 Russian soldiers were killed in a Ukrainian strike on a training ground in the Kursk "
        "region, Russian military bloggers said.",
        P,
        [
            dict(category="killed", value=12, subject_side="RU", qualifier="at_least", claimant_side="RU",
                 region=KURSK),
        ],
    ),
    Case(
        "killed-makiivka-himars-weapon-not-loss",
        "Russia's Defence Ministry said 63 Russian servicemen were killed in a Ukrainian HIMARS strike on a "
        "temporary deployment point in Makiivka.",
        "2023-01-03",
        [
            dict(category="killed", value=63, subject_side="RU", claimant=RU_MOD, claimant_side="RU",
                 place="Makiivka", region=DONETSK),
        ],
        "HIMARS is the weapon used, not a launcher lost: no equipment claim.",
    ),
]

WOUNDED: list[Case] = [
    Case(
        "wounded-sof-injured-kp",
        "Ukraine's Special Operations Forces said their drone operators had injured 47 North Korean soldiers "
        "in Russia's Kursk Oblast.",
        "2024-12-18",
        [
            dict(category="wounded", value=47, subject_side="KP", qualifier="exact", claimant_side="UA",
                 region=KURSK),
        ],
    ),
    Case(
        "wounded-up-to-ru-mod-dnipropetrovsk",
        "Up to 90 Ukrainian servicemen were wounded in a strike on a training ground in the Dnipropetrovsk "
        "region, Russia's Defense Ministry said.",
        P,
        [
            dict(category="wounded", value=90, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", region="Dnipropetrovsk Oblast"),
        ],
    ),
    Case(
        "wounded-some-kp-lawmakers",
        "Some 2,700 North Korean troops have been wounded, South Korean lawmakers said after a briefing by "
        "the spy agency.",
        "2025-01-16",
        [
            dict(category="wounded", value=2700, subject_side="KP", qualifier="about", claimant_side="other"),
        ],
    ),
    Case(
        "wounded-twelve-minefield",
        "Twelve Russian soldiers were wounded when their column drove into a minefield, the Ukrainian "
        "brigade said.",
        P,
        [
            dict(category="wounded", value=12, subject_side="RU", qualifier="exact", claimant_side="UA"),
        ],
    ),
    Case(
        "wounded-and-killed-sunday-pokrovsk",
        "The brigade's drone pilots killed 14 Russian soldiers and wounded 23 near Pokrovsk on Sunday, the "
        "Ukrainian military said.",
        P,
        [
            dict(category="killed", value=14, subject_side="RU", claimant_side="UA", date="2024-11-24",
                 place="Pokrovsk", region=DONETSK),
            dict(category="wounded", value=23, subject_side="RU", claimant_side="UA", date="2024-11-24",
                 place="Pokrovsk", region=DONETSK),
        ],
    ),
    Case(
        "wounded-own-side-belgorod-governor",
        "Eleven Russian servicemen were wounded in a Ukrainian drone attack in the Belgorod region, the "
        "Russian regional governor said.",
        P,
        [
            dict(category="wounded", value=11, subject_side="RU", claimant_side="RU",
                 region="Belgorod Oblast"),
        ],
    ),
    Case(
        "wounded-in-action-ru-mod-kupyansk",
        "As many as 60 Ukrainian troops were wounded in action near Kupyansk, Russia's Defence Ministry "
        "claimed.",
        P,
        [
            dict(category="wounded", value=60, subject_side="UA", qualifier="up_to", claimant_side="RU",
                 place="Kupiansk", region=KHARKIV),
        ],
    ),
]

CASUALTIES: list[Case] = [
    Case(
        "casualties-lost-men-as-per-figures",
        "Russia lost 1,520 men on November 20, as per figures from Ukraine's Defence Ministry.",
        P,
        [
            dict(category="casualties", value=1520, subject_side="RU", qualifier="exact", claimant=UA_MOD,
                 claimant_side="UA", period="window", date="2024-11-20"),
        ],
    ),
    Case(
        "casualties-eliminated-ru-mod-kupyansk",
        "Russia's Defense Ministry said units of the Zapad group of forces had eliminated up to 40 Ukrainian "
        "servicemen in the Kupyansk direction.",
        P,
        [
            dict(category="casualties", value=40, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", place="Kupiansk", region=KHARKIV, unit="Battlegroup Zapad"),
        ],
    ),
    Case(
        "casualties-killed-or-injured-dec-14-15",
        "Ukraine's military intelligence agency said 44 North Korean soldiers were killed or injured in "
        "assaults near Korenevo on Dec. 14-15.",
        "2024-12-17",
        [
            dict(category="casualties", value=44, subject_side="KP", qualifier="exact", claimant=HUR,
                 claimant_side="UA", period="window", date="2024-12-15", date_start="2024-12-14",
                 place="Korenevo", region=KURSK),
        ],
    ),
    Case(
        "casualties-losses-amounted-kursk-direction",
        "Over the past 24 hours, the AFU losses in the Kursk direction amounted to up to 310 servicemen, "
        "Russia's Defence Ministry said.",
        P,
        [
            dict(category="casualties", value=310, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", period="window", date=P_PAST_DAY, region=KURSK),
        ],
    ),
    Case(
        "casualties-killed-and-wounded-uk-di",
        "UK Defence Intelligence estimates that Russia has suffered around 700,000 killed and wounded since "
        "February 2022.",
        P,
        [
            dict(category="casualties", value=700000, subject_side="RU", qualifier="about", claimant=UK_DI,
                 claimant_side="other", period="cumulative"),
        ],
    ),
    Case(
        "casualties-record-last-week",
        "Russia suffered a record 2,030 casualties in one day last week, Kyiv claimed.",
        P,
        [
            dict(category="casualties", value=2030, subject_side="RU", qualifier="exact", claimant_side="UA",
                 period="window"),
        ],
    ),
    Case(
        "casualties-total-since-war-began",
        "Kyiv now believes Russia has suffered more than 720,000 total casualties since the war began.",
        P,
        [
            dict(category="casualties", value=720000, subject_side="RU", qualifier="at_least",
                 claimant_side="UA", period="cumulative"),
        ],
    ),
    Case(
        "casualties-neutralised-past-day",
        "Ukrainian forces neutralised 1,270 Russian troops over the past day, the General Staff said on "
        "Facebook.",
        P,
        [
            dict(category="casualties", value=1270, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", date=P_PAST_DAY),
        ],
    ),
    Case(
        "casualties-personnel-totalled",
        "Russia's combat losses in personnel over the past day totalled 1,770, the General Staff said.",
        P,
        [
            dict(category="casualties", value=1770, subject_side="RU", qualifier="exact", claimant=GS,
                 claimant_side="UA", period="window"),
        ],
    ),
    Case(
        "casualties-kyiv-regime-kursk-cumulative",
        "Since the start of the incursion, the Kyiv regime has lost more than 38,000 servicemen in the Kursk "
        "region, the Russian Defence Ministry said.",
        P,
        [
            dict(category="casualties", value=38000, subject_side="UA", qualifier="at_least",
                 claimant=RU_MOD, claimant_side="RU", period="cumulative", region=KURSK),
        ],
    ),
    Case(
        "casualties-range-dash",
        "Western officials estimate that North Korea has suffered 2,000-4,000 casualties in the Kursk "
        "region.",
        "2025-01-16",
        [
            dict(category="casualties", value=2000, value_max=4000, subject_side="KP", claimant_side="other",
                 region=KURSK),
        ],
    ),
    Case(
        "casualties-range-between-chasiv-yar",
        "Between 300 and 400 Russian soldiers were killed or wounded in the failed assault on Chasiv Yar, "
        "the Ukrainian commander said.",
        P,
        [
            dict(category="casualties", value=300, value_max=400, subject_side="RU", claimant_side="UA",
                 place="Chasiv Yar", region=DONETSK),
        ],
    ),
    Case(
        "casualties-space-thousands-occupiers",
        "The occupiers lost 1 610 men over the past day, the General Staff reported.",
        P,
        [
            dict(category="casualties", value=1610, subject_side="RU", qualifier="exact", claimant=GS,
                 claimant_side="UA", period="window"),
        ],
        "A space as thousands separator.",
    ),
    Case(
        "casualties-million-decimal",
        "Russia has suffered about 1.2 million casualties since the full-scale invasion began, Ukraine's "
        "General Staff said.",
        P,
        [
            dict(category="casualties", value=1200000, subject_side="RU", qualifier="about", claimant=GS,
                 claimant_side="UA", period="cumulative"),
        ],
    ),
    Case(
        "casualties-as-many-as-kp-first-week",
        "As many as 1,000 North Korean soldiers were killed or wounded in their first week of fighting, a "
        "Ukrainian official said.",
        P,
        [
            dict(category="casualties", value=1000, subject_side="KP", qualifier="up_to", claimant_side="UA",
                 period="window"),
        ],
    ),
    Case(
        "casualties-enemy-read-as-ru-by-ua-claimant",
        "The enemy lost 1,480 personnel over the past day, Ukraine's General Staff said.",
        P,
        [
            dict(category="casualties", value=1480, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", date=P_PAST_DAY),
        ],
    ),
    Case(
        "casualties-enemy-read-as-ua-by-ru-claimant",
        "The enemy lost up to 220 servicemen in the South group's area of responsibility, the Russian "
        "Defence Ministry said.",
        P,
        [
            dict(category="casualties", value=220, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU"),
        ],
    ),
    Case(
        "casualties-in-excess-of",
        "Ukraine's Defence Ministry said Russian losses were now in excess of 600,000 troops.",
        "2024-08-01",
        [
            dict(category="casualties", value=600000, subject_side="RU", qualifier="at_least",
                 claimant=UA_MOD, claimant_side="UA"),
        ],
    ),
    Case(
        "casualties-nearly-avdiivka",
        "Russian forces suffered nearly 47,000 casualties during the battle for Avdiivka, according to "
        "Ukraine's Tavria group of forces.",
        "2024-02-20",
        [
            dict(category="casualties", value=47000, subject_side="RU", qualifier="about", claimant_side="UA",
                 place="Avdiivka", region=DONETSK),
        ],
    ),
    Case(
        "casualties-approximately-gs",
        "Approximately 1,300 Russian troops were killed or wounded in the past day, Ukraine's General Staff "
        "said.",
        P,
        [
            dict(category="casualties", value=1300, subject_side="RU", qualifier="about", claimant=GS,
                 claimant_side="UA", period="window"),
        ],
    ),
    Case(
        "casualties-third-party-about-ua",
        "U.S. officials estimate that Ukraine has suffered roughly 400,000 casualties since the invasion "
        "began.",
        P,
        [
            dict(category="casualties", value=400000, subject_side="UA", qualifier="about",
                 claimant="U.S. officials", claimant_side="other", period="cumulative"),
        ],
    ),
    Case(
        "casualties-pyongyang-troops-around",
        "Pyongyang's troops have suffered around 4,000 casualties, a South Korean lawmaker said.",
        "2025-01-16",
        [
            dict(category="casualties", value=4000, subject_side="KP", qualifier="about",
                 claimant_side="other"),
        ],
    ),
]

CAPTURED: list[Case] = [
    Case(
        "captured-two-kp-saturday",
        "Ukrainian special forces captured two North Korean soldiers in the Kursk region on Saturday, "
        "President Volodymyr Zelensky said.",
        "2025-01-13",
        [
            dict(category="captured", value=2, subject_side="KP", qualifier="exact", claimant=ZELENSKY,
                 claimant_side="UA", date="2025-01-11", region=KURSK),
        ],
        "Published on a Monday: Saturday is 2025-01-11.",
    ),
    Case(
        "captured-taken-prisoner-vovchansk",
        "Twenty-seven Russian soldiers were taken prisoner near Vovchansk, Ukraine's Security Service said.",
        P,
        [
            dict(category="captured", value=27, subject_side="RU", qualifier="exact",
                 claimant="Security Service of Ukraine", claimant_side="UA", place="Vovchansk",
                 region=KHARKIV),
        ],
    ),
    Case(
        "captured-surrendered-ru-mod-wednesday",
        "Fourteen Ukrainian servicemen surrendered in the Kursk region on Wednesday, Russia's Defense "
        "Ministry said.",
        P,
        [
            dict(category="captured", value=14, subject_side="UA", claimant=RU_MOD, claimant_side="RU",
                 date="2024-11-20", region=KURSK),
        ],
    ),
    Case(
        "captured-more-than-syrskyi-cumulative",
        "More than 100 Russian servicemen have been captured since the start of the Kursk operation, "
        "commander-in-chief Oleksandr Syrskyi said.",
        "2024-08-13",
        [
            dict(category="captured", value=100, subject_side="RU", qualifier="at_least",
                 claimant="Commander-in-Chief of the Armed Forces of Ukraine", claimant_side="UA",
                 period="cumulative"),
        ],
    ),
    Case(
        "captured-surrendered-to-drone",
        "Seven Russian soldiers surrendered to a Ukrainian drone in the Zaporizhzhia region, the Ukrainian "
        "brigade said in a video statement.",
        P,
        [
            dict(category="captured", value=7, subject_side="RU", claimant_side="UA",
                 region="Zaporizhzhia Oblast"),
        ],
    ),
    Case(
        "captured-ru-mod-over-kursk",
        "Russia's Defence Ministry said over 700 Ukrainian servicemen had been taken prisoner in the Kursk "
        "region.",
        P,
        [
            dict(category="captured", value=700, subject_side="UA", qualifier="at_least", claimant=RU_MOD,
                 claimant_side="RU", region=KURSK),
        ],
    ),
    Case(
        "captured-a-kp-soldier-is-one",
        "Ukraine has taken a North Korean soldier prisoner for the first time, the SBU security service "
        "said.",
        "2024-12-27",
        [
            dict(category="captured", value=1, subject_side="KP", claimant_side="UA"),
        ],
    ),
]

EQUIPMENT: list[Case] = [
    # tanks
    Case(
        "equipment-tank-t90m-kreminna",
        "Drone operators of the 3rd Assault Brigade destroyed a Russian T-90M tank near Kreminna.",
        P,
        [
            dict(category="equipment", equipment="tank", value=1, subject_side="RU", place="Kreminna",
                 region="Luhansk Oblast", unit="3rd Separate Assault Brigade"),
        ],
    ),
    Case(
        "equipment-tank-leopard-ru-mod",
        "Russia's Defence Ministry said its troops had destroyed a German-made Leopard 2 tank in the "
        "Zaporizhzhia region.",
        P,
        [
            dict(category="equipment", equipment="tank", value=1, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", region="Zaporizhzhia Oblast"),
        ],
    ),
    Case(
        "equipment-tank-abrams-two-telegram",
        "Russian forces have destroyed two more U.S.-supplied Abrams tanks near Avdiivka, Russia's Defence "
        "Ministry said on Telegram.",
        "2024-04-29",
        [
            dict(category="equipment", equipment="tank", value=2, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", place="Avdiivka", region=DONETSK),
        ],
    ),
    Case(
        "equipment-tank-cumulative-according-to-kyiv",
        "Russia has lost 9,520 tanks since the start of the full-scale invasion, according to Kyiv.",
        P,
        [
            dict(category="equipment", equipment="tank", value=9520, subject_side="RU", qualifier="exact",
                 claimant_side="UA", period="cumulative"),
        ],
    ),
    Case(
        "equipment-tank-oryx-over",
        "The Oryx open-source project has visually confirmed the loss of over 3,600 Russian tanks.",
        P,
        [
            dict(category="equipment", equipment="tank", value=3600, subject_side="RU", qualifier="at_least",
                 claimant="Oryx", claimant_side="other"),
        ],
    ),
    Case(
        "equipment-tank-t80bv-92nd",
        "The General Staff released a video that appeared to show a Russian T-80BV tank being destroyed by "
        "Ukraine's 92nd Mechanized Brigade.",
        "2023-02-08",
        [
            dict(category="equipment", equipment="tank", value=1, subject_side="RU", claimant_side="UA",
                 unit="92nd Separate Mechanized Brigade"),
        ],
    ),
    Case(
        "equipment-tank-two-days-and-since-february-last-year",
        "Ukrainian military also said 30 Russian tanks have been destroyed in the past two days to add to a "
        "total of 3,300 since February last year.",
        "2023-02-08",
        [
            dict(category="equipment", equipment="tank", value=30, subject_side="RU", claimant_side="UA",
                 period="window"),
            dict(category="equipment", equipment="tank", value=3300, subject_side="RU", claimant_side="UA",
                 period="cumulative"),
        ],
    ),
    Case(
        "equipment-tank-aid-total-is-not-a-loss",
        "Ukraine has lost 20 of the 31 Abrams tanks the United States sent, according to Oryx.",
        P,
        [
            dict(category="equipment", equipment="tank", value=20, subject_side="UA", claimant_side="other"),
        ],
        "31 is the delivery, not a loss.",
    ),
    # armoured vehicles
    Case(
        "equipment-armored-bmp3-velyka-novosilka",
        "A Ukrainian FPV drone hit a Russian BMP-3 infantry fighting vehicle near Velyka Novosilka.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=1, subject_side="RU",
                 place="Velyka Novosilka", region=DONETSK),
        ],
    ),
    Case(
        "equipment-armored-mtlb-and-a-tank",
        "A Ukrainian mechanized brigade said it had destroyed three MT-LB armoured personnel carriers and a "
        "tank near Pokrovsk.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=3, subject_side="RU",
                 claimant_side="UA", place="Pokrovsk"),
            dict(category="equipment", equipment="tank", value=1, subject_side="RU", claimant_side="UA",
                 place="Pokrovsk"),
        ],
        "Whose vehicles is read from the claimant; 'a tank' is one.",
    ),
    Case(
        "equipment-armored-bradley-ru-mod-kursk",
        "Russia's Defence Ministry said its troops destroyed four Bradley fighting vehicles in the Kursk "
        "region over the past day.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=4, subject_side="UA",
                 claimant=RU_MOD, claimant_side="RU", period="window", region=KURSK),
        ],
    ),
    Case(
        "equipment-armored-stryker-sudzha",
        "Russian forces claimed to have destroyed a U.S.-made Stryker armored vehicle near Sudzha.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=1, subject_side="UA",
                 claimant_side="RU", place="Sudzha", region=KURSK),
        ],
    ),
    Case(
        "equipment-armored-btr-93rd-toretsk",
        "Ukraine's 93rd Brigade said it had hit five BTR-82A armoured personnel carriers during a Russian "
        "assault near Toretsk.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=5, subject_side="RU",
                 claimant_side="UA", place="Toretsk", region=DONETSK),
        ],
    ),
    Case(
        "equipment-armored-uk-di-more-than",
        "UK Defence Intelligence said Russia had likely lost more than 3,000 armoured vehicles in Ukraine.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=3000, subject_side="RU",
                 qualifier="at_least", claimant=UK_DI, claimant_side="other"),
        ],
    ),
    # artillery
    Case(
        "equipment-artillery-msta-s",
        "Ukrainian forces destroyed a Russian 2S19 Msta-S self-propelled howitzer in the Zaporizhzhia "
        "direction, the Southern Defence Forces said.",
        P,
        [
            dict(category="equipment", equipment="artillery", value=1, subject_side="RU",
                 claimant="Southern Defense Forces", claimant_side="UA", region="Zaporizhzhia Oblast"),
        ],
    ),
    Case(
        "equipment-artillery-m777-moscow",
        "Russian troops destroyed three M777 howitzers supplied by the United States, the Defence Ministry "
        "in Moscow said.",
        P,
        [
            dict(category="equipment", equipment="artillery", value=3, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU"),
        ],
    ),
    Case(
        "equipment-artillery-caesar-lancet-is-weapon",
        "Russia's Defence Ministry claimed a Lancet drone had destroyed a French-made CAESAR self-propelled "
        "gun near Kupyansk.",
        P,
        [
            dict(category="equipment", equipment="artillery", value=1, subject_side="UA", claimant_side="RU",
                 place="Kupiansk", region=KHARKIV),
        ],
        "The Lancet is the weapon that struck, not a drone launched or lost: one claim only.",
    ),
    Case(
        "equipment-artillery-field-guns-ru-mod",
        "Russia's Defence Ministry said in its daily report that its forces had hit 18 Ukrainian field "
        "artillery guns and mortars.",
        P,
        [
            dict(category="equipment", equipment="artillery", value=18, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU"),
        ],
    ),
    Case(
        "equipment-artillery-per-gs",
        "Russia lost 45 artillery systems over the past day, per the General Staff of Ukraine's Armed "
        "Forces.",
        P,
        [
            dict(category="equipment", equipment="artillery", value=45, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="window"),
        ],
    ),
    # multiple rocket launchers
    Case(
        "equipment-mlrs-himars-sumy",
        "Russian forces destroyed two HIMARS launchers in the Sumy region, Russia's Defence Ministry said.",
        P,
        [
            dict(category="equipment", equipment="mlrs", value=2, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", region="Sumy Oblast"),
        ],
    ),
    Case(
        "equipment-mlrs-grad-toretsk",
        "Ukrainian drone operators destroyed a Russian BM-21 Grad multiple rocket launcher near Toretsk.",
        P,
        [
            dict(category="equipment", equipment="mlrs", value=1, subject_side="RU", place="Toretsk",
                 region=DONETSK),
        ],
    ),
    Case(
        "equipment-mlrs-tos1a-47th",
        "The 47th Mechanised Brigade said it had destroyed a Russian TOS-1A thermobaric rocket launcher near "
        "Avdiivka.",
        P,
        [
            dict(category="equipment", equipment="mlrs", value=1, subject_side="RU", claimant_side="UA",
                 place="Avdiivka", region=DONETSK, unit="47th Separate Mechanized Brigade"),
        ],
    ),
    Case(
        "equipment-mlrs-uragan-kherson",
        "Russia's Defence Ministry said its forces had destroyed a Ukrainian Uragan multiple rocket launcher "
        "in the Kherson region.",
        P,
        [
            dict(category="equipment", equipment="mlrs", value=1, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", region="Kherson Oblast"),
        ],
    ),
    # air defence
    Case(
        "equipment-air-defense-buk-donetsk",
        "Ukrainian drones destroyed a Russian Buk-M2 air defence system in the Donetsk region, the General "
        "Staff said.",
        P,
        [
            dict(category="equipment", equipment="air_defense", value=1, subject_side="RU", claimant=GS,
                 claimant_side="UA", region=DONETSK),
        ],
    ),
    Case(
        "equipment-air-defense-s400-crimea",
        "Ukraine's military intelligence said it had hit an S-400 launcher in Crimea.",
        P,
        [
            dict(category="equipment", equipment="air_defense", value=1, subject_side="RU",
                 claimant=HUR, claimant_side="UA", region="Crimea"),
        ],
    ),
    Case(
        "equipment-air-defense-patriot-dnipro",
        "Russia's Defence Ministry claimed its forces had destroyed a Patriot launcher near Dnipro.",
        P,
        [
            dict(category="equipment", equipment="air_defense", value=1, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", place="Dnipro", region="Dnipropetrovsk Oblast"),
        ],
    ),
    Case(
        "equipment-air-defense-pantsir-belgorod",
        "A Ukrainian drone struck a Pantsir-S1 air defence system in the Belgorod region, the SBU said.",
        P,
        [
            dict(category="equipment", equipment="air_defense", value=1, subject_side="RU",
                 claimant_side="UA", region="Belgorod Oblast"),
        ],
    ),
    # aircraft: a jet "shot down" is a loss and may also be read as an interception
    Case(
        "equipment-aircraft-su34-shot-down-friday",
        "Ukraine's Air Force said it shot down a Russian Su-34 fighter-bomber over the Donetsk region on "
        "Friday.",
        P,
        [
            dict(category=["equipment", "intercepted"], equipment="aircraft", value=1, subject_side="RU",
                 claimant_side="UA", date="2024-11-22", region=DONETSK),
        ],
    ),
    Case(
        "equipment-aircraft-su34-airfield",
        "Ukrainian drones destroyed two Su-34s parked at the Marinovka airfield, the SBU said.",
        P,
        [
            dict(category="equipment", equipment="aircraft", value=2, subject_side="RU",
                 claimant="Security Service of Ukraine", claimant_side="UA", place="Marinovka",
                 region="Volgograd Oblast"),
        ],
    ),
    Case(
        "equipment-aircraft-a50-downed",
        "Ukraine said it had downed a Russian A-50 early-warning aircraft over the Sea of Azov.",
        "2024-01-15",
        [
            dict(category=["equipment", "intercepted"], equipment="aircraft", value=1, subject_side="RU",
                 claimant_side="UA"),
        ],
    ),
    Case(
        "equipment-aircraft-own-f16-monday",
        "Ukraine lost an F-16 fighter jet on Monday, the Ukrainian Air Force said.",
        P,
        [
            dict(category="equipment", equipment="aircraft", value=1, subject_side="UA",
                 claimant=UA_AIR_FORCE, claimant_side="UA", date="2024-11-25"),
        ],
    ),
    # helicopters
    Case(
        "equipment-helicopter-ka52",
        "Ukrainian air defence shot down a Russian Ka-52 attack helicopter in the south, the Air Force said.",
        P,
        [
            dict(category=["equipment", "intercepted"], equipment="helicopter", value=1, subject_side="RU",
                 claimant_side="UA"),
        ],
    ),
    Case(
        "equipment-helicopter-mi8-krasnodar",
        "Military intelligence drones destroyed two Mi-8 helicopters at an airfield in the Krasnodar region, "
        "Ukraine's HUR said.",
        P,
        [
            dict(category="equipment", equipment="helicopter", value=2, subject_side="RU",
                 claimant=HUR, claimant_side="UA", region="Krasnodar Krai"),
        ],
    ),
    Case(
        "equipment-helicopter-mi24-ru-mod",
        "Russia's Defence Ministry said its air defences had shot down a Ukrainian Mi-24 helicopter.",
        P,
        [
            dict(category=["equipment", "intercepted"], equipment="helicopter", value=1, subject_side="UA",
                 claimant=RU_MOD, claimant_side="RU"),
        ],
    ),
    # drones lost as equipment
    Case(
        "equipment-uav-cumulative-gs",
        "Ukraine's General Staff said Russia had lost 19,480 operational-tactical drones since the start of "
        "the invasion.",
        P,
        [
            dict(category="equipment", equipment="uav", value=19480, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="cumulative"),
        ],
    ),
    # ships and submarines
    Case(
        "equipment-ship-landing-ship-crimea",
        "Ukraine said it had sunk the Russian landing ship Tsezar Kunikov off the coast of Crimea.",
        "2024-02-14",
        [
            dict(category="equipment", equipment="ship", value=1, subject_side="RU", claimant_side="UA",
                 region="Crimea"),
        ],
    ),
    Case(
        "equipment-ship-patrol-boat-sevastopol",
        "Ukrainian naval drones sank a Russian patrol boat near Sevastopol, the Navy said.",
        P,
        [
            dict(category="equipment", equipment="ship", value=1, subject_side="RU", claimant_side="UA",
                 region="Sevastopol"),
        ],
    ),
    Case(
        "equipment-ship-ships-and-boats-cumulative",
        "Russia has also lost 28 ships and boats since February 2022, according to Kyiv.",
        P,
        [
            dict(category="equipment", equipment="ship", value=28, subject_side="RU", claimant_side="UA",
                 period="cumulative"),
        ],
    ),
    Case(
        "equipment-submarine-and-landing-ship-sevastopol",
        "The General Staff said the strike on Sevastopol had damaged a large landing ship and a submarine.",
        "2023-09-13",
        [
            dict(category="equipment", equipment="ship", value=1, subject_side="RU", claimant=GS,
                 claimant_side="UA", region="Sevastopol"),
            dict(category="equipment", equipment="submarine", value=1, subject_side="RU", claimant=GS,
                 claimant_side="UA", region="Sevastopol"),
        ],
    ),
    Case(
        "equipment-submarine-rostov-aug-2",
        "The Rostov-on-Don submarine was sunk in a strike on the port of Sevastopol on Aug. 2, the General "
        "Staff said.",
        "2024-08-03",
        [
            dict(category="equipment", equipment="submarine", value=1, subject_side="RU", claimant=GS,
                 claimant_side="UA", date="2024-08-02", region="Sevastopol"),
        ],
    ),
    # vehicles
    Case(
        "equipment-vehicle-pickup-trucks",
        "The brigade's drone pilots also hit four pickup trucks carrying Russian infantry, the Ukrainian "
        "brigade said.",
        P,
        [
            dict(category="equipment", equipment="vehicle", value=4, subject_side="RU", claimant_side="UA"),
        ],
    ),
    Case(
        "equipment-vehicle-motor-ru-mod",
        "Russia's Defence Ministry said its forces had destroyed 25 motor vehicles of the Ukrainian army "
        "over the past day.",
        P,
        [
            dict(category="equipment", equipment="vehicle", value=25, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", period="window"),
        ],
    ),
    Case(
        "equipment-vehicle-cars-and-atv",
        "Ukraine's Special Operations Forces said they had also hit two armored vehicles, two cars and one "
        "all-terrain vehicle in the Kursk region.",
        "2024-12-18",
        [
            dict(category="equipment", equipment="armored_vehicle", value=2, subject_side=["RU", "KP"],
                 claimant_side="UA", region=KURSK),
            dict(category="equipment", equipment="vehicle", value=2, subject_side=["RU", "KP"],
                 claimant_side="UA", region=KURSK),
            dict(category="equipment", equipment="vehicle", value=1, subject_side=["RU", "KP"],
                 claimant_side="UA", region=KURSK),
        ],
        "Each item is its own claim, as in the dev gold.",
    ),
    # special equipment and other
    Case(
        "equipment-special-pieces",
        "Ukrainian forces destroyed three pieces of Russian special equipment over the past day, the General "
        "Staff said.",
        P,
        [
            dict(category="equipment", equipment="special_equipment", value=3, subject_side="RU",
                 claimant=GS, claimant_side="UA", period="window"),
        ],
    ),
    Case(
        "equipment-special-ew-station",
        "The brigade said it had destroyed a Russian electronic warfare station near Pokrovsk.",
        P,
        [
            dict(category="equipment", equipment=["special_equipment", "other"], value=1, subject_side="RU",
                 place="Pokrovsk"),
        ],
        "The General Staff counts EW among special equipment; 'other' is also fair.",
    ),
    Case(
        "equipment-other-starlink",
        "Russia's Defence Ministry said its drones had destroyed two Starlink satellite terminals used by "
        "Ukrainian troops.",
        P,
        [
            dict(category="equipment", equipment="other", value=2, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU"),
        ],
    ),
    Case(
        "equipment-other-ammunition-depots",
        "Russian forces hit 12 Ukrainian field ammunition depots over the past day, the Defence Ministry in "
        "Moscow said.",
        P,
        [
            dict(category="equipment", equipment="other", value=12, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", period="window"),
        ],
    ),
    Case(
        "equipment-reportedly-vuhledar",
        "Russia has reportedly lost 36 tanks in the failed assault on Vuhledar.",
        "2023-02-14",
        [
            dict(category="equipment", equipment="tank", value=36, subject_side="RU", claimant=None,
                 claimant_side=None, place="Vuhledar", region=DONETSK),
        ],
    ),
    Case(
        "equipment-in-total-cumulative",
        "In total, Russia has lost 9,400 tanks and 1,250 multiple rocket launchers, Ukraine's Defence "
        "Ministry said.",
        P,
        [
            dict(category="equipment", equipment="tank", value=9400, subject_side="RU", claimant=UA_MOD,
                 claimant_side="UA", period="cumulative"),
            dict(category="equipment", equipment="mlrs", value=1250, subject_side="RU", claimant=UA_MOD,
                 claimant_side="UA", period="cumulative"),
        ],
    ),
    Case(
        "equipment-robotyne-tavria",
        "Ukrainian troops destroyed 14 Russian armoured vehicles near Robotyne, the Tavria group said.",
        P,
        [
            dict(category="equipment", equipment="armored_vehicle", value=14, subject_side="RU",
                 claimant="Tavria Operational-Strategic Group", claimant_side="UA", place="Robotyne",
                 region="Zaporizhzhia Oblast"),
        ],
    ),
    Case(
        "equipment-avdeyevka-russian-spelling",
        "Russian forces destroyed a Leopard tank near Avdeyevka, the ministry in Moscow said.",
        P,
        [
            dict(category="equipment", equipment="tank", value=1, subject_side="UA", claimant_side="RU",
                 place="Avdiivka", region=DONETSK),
        ],
    ),
]

TALLIES: list[Case] = [
    Case(
        "tally-gs-daily-full",
        "The General Staff of the Armed Forces of Ukraine said the total combat losses of the enemy from "
        "Feb. 24, 2022 to Nov. 26, 2024 are approximately: personnel - about 733,470 people, including 1,740 "
        "over the past day; tanks - 9,510 (+10); armoured combat vehicles - 19,450 (+19); artillery systems "
        "- 20,880 (+33); MLRS - 1,254; air defence systems - 1,009 (+1); aircraft - 369; helicopters - 329; "
        "UAVs of operational-tactical level - 19,920 (+81); cruise missiles - 2,783; ships/boats - 28; "
        "submarines - 1; motor vehicles and fuel tanks - 38,770 (+53); special equipment - 3,680 (+2).",
        P,
        [
            dict(category="casualties", value=733470, subject_side="RU", qualifier="about",
                 period="cumulative", date="2024-11-26"),
            dict(category="casualties", value=1740, subject_side="RU", period="window"),
            dict(category="equipment", equipment="tank", value=9510, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="tank", value=10, subject_side="RU", period="window"),
            dict(category="equipment", equipment="armored_vehicle", value=19450, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="armored_vehicle", value=19, subject_side="RU",
                 period="window"),
            dict(category="equipment", equipment="artillery", value=20880, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="artillery", value=33, subject_side="RU", period="window"),
            dict(category="equipment", equipment="mlrs", value=1254, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="air_defense", value=1009, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="air_defense", value=1, subject_side="RU", period="window"),
            dict(category="equipment", equipment="aircraft", value=369, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="helicopter", value=329, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="uav", value=19920, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="uav", value=81, subject_side="RU", period="window"),
            dict(category=["equipment", "intercepted"], equipment="missile", value=2783, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="ship", value=28, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="submarine", value=1, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="vehicle", value=38770, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="vehicle", value=53, subject_side="RU", period="window"),
            dict(category="equipment", equipment="special_equipment", value=3680, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="special_equipment", value=2, subject_side="RU",
                 period="window"),
        ],
        "The General Staff's daily format: '(+N)' is the past day's figure; the dates of the span are not "
        "claims.",
    ),
    Case(
        "tally-gs-one-line-per-item",
        "The total combat losses of the enemy from Feb. 24, 2022, to Nov. 26, 2024, are approximately:\n\n"
        "personnel \u2014 about 733,470 (+1,740) persons\n"
        "tanks \u2014 9,510 (+10)\n"
        "air defense systems \u2014 1,009\n"
        "aircraft \u2014 369\n"
        "helicopters \u2014 329\n"
        "warships/boats \u2014 28\n"
        "submarines \u2014 1",
        P,
        [
            dict(category="casualties", value=733470, subject_side="RU", qualifier="about",
                 period="cumulative"),
            dict(category="casualties", value=1740, subject_side="RU", period="window"),
            dict(category="equipment", equipment="tank", value=9510, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="tank", value=10, subject_side="RU", period="window"),
            dict(category="equipment", equipment="air_defense", value=1009, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="aircraft", value=369, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="helicopter", value=329, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="ship", value=28, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="submarine", value=1, subject_side="RU",
                 period="cumulative"),
        ],
        "The General Staff's list as reprinted line by line, the header a paragraph of its own: an item with "
        "no daily figure keeps its own label (not the next line's), and the span 'from ..., to ...' makes "
        "the totals running ones.",
    ),
    Case(
        "tally-wrapped-line-keeps-its-noun",
        "Russian forces lost 1,230\nsoldiers and 12 tanks over the past day, the General Staff said.",
        P,
        [
            dict(category="casualties", value=1230, subject_side="RU", claimant=GS, period="window"),
            dict(category="equipment", equipment="tank", value=12, subject_side="RU", claimant=GS,
                 period="window"),
        ],
        "A line wrapped inside a sentence: the noun on the next line still counts the figure before it.",
    ),
    Case(
        "tally-ru-mod-since-start-of-smo",
        "In total, since the start of the special military operation, 651 aircraft, 283 helicopters, 36,518 "
        "unmanned aerial vehicles, 584 anti-aircraft missile systems, 1,524 multiple rocket launchers and "
        "17,493 field artillery guns and mortars have been destroyed, Russia's Defence Ministry said.",
        P,
        [
            dict(category="equipment", equipment="aircraft", value=651, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", period="cumulative"),
            dict(category="equipment", equipment="helicopter", value=283, subject_side="UA",
                 claimant_side="RU", period="cumulative"),
            dict(category=["equipment", "intercepted"], equipment="uav", value=36518, subject_side="UA",
                 claimant_side="RU", period="cumulative"),
            dict(category="equipment", equipment="air_defense", value=584, subject_side="UA",
                 claimant_side="RU", period="cumulative"),
            dict(category="equipment", equipment="mlrs", value=1524, subject_side="UA", claimant_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="artillery", value=17493, subject_side="UA",
                 claimant_side="RU", period="cumulative"),
        ],
        "The ministry's drone tally is mostly drones shot down: an interception reading is fair too.",
    ),
    Case(
        "tally-believed-to-have-lost",
        "On top of this, Russia is also believed to have lost 9,300 tanks, 20,500 artillery systems and "
        "19,000 unmanned aerial vehicle systems, Kyiv said.",
        P,
        [
            dict(category="equipment", equipment="tank", value=9300, subject_side="RU", claimant_side="UA"),
            dict(category="equipment", equipment="artillery", value=20500, subject_side="RU",
                 claimant_side="UA"),
            dict(category="equipment", equipment="uav", value=19000, subject_side="RU", claimant_side="UA"),
        ],
    ),
    Case(
        "tally-colon-quote-enemy-and-tanks",
        'The General Staff wrote: "The enemy lost 1,350 soldiers and 11 tanks over the past day."',
        P,
        [
            dict(category="casualties", value=1350, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window"),
            dict(category="equipment", equipment="tank", value=11, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="window"),
        ],
    ),
    Case(
        "tally-enemy-ru-spokesman-grad-and-pickups",
        "The enemy lost up to 130 servicemen, two pickup trucks and a Grad launcher, the spokesman of "
        "Russia's Vostok group of forces said.",
        P,
        [
            dict(category="casualties", value=130, subject_side="UA", qualifier="up_to", claimant_side="RU"),
            dict(category="equipment", equipment="vehicle", value=2, subject_side="UA", claimant_side="RU"),
            dict(category="equipment", equipment="mlrs", value=1, subject_side="UA", claimant_side="RU"),
        ],
    ),
    Case(
        "tally-afu-servicemen-and-armoured-kurakhove",
        "The AFU lost more than 45 servicemen and three armoured vehicles near Kurakhove, the ministry in "
        "Moscow said.",
        P,
        [
            dict(category="casualties", value=45, subject_side="UA", qualifier="at_least", claimant_side="RU",
                 place="Kurakhove"),
            dict(category="equipment", equipment="armored_vehicle", value=3, subject_side="UA",
                 claimant_side="RU", place="Kurakhove"),
        ],
    ),
    Case(
        "tally-in-2023-year-is-not-a-value",
        "Russia lost 2,000 tanks in 2023, according to Ukraine's General Staff.",
        "2024-01-05",
        [
            dict(category="equipment", equipment="tank", value=2000, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="window", date_start="2023-01-01", date="2023-12-31"),
        ],
    ),
]

LAUNCHED_INTERCEPTED: list[Case] = [
    Case(
        "intercepted-of-them-next-sentence",
        "Russia launched 146 Shahed drones at Ukraine overnight. Air defences shot down 140 of them, "
        "Ukraine's air force said.",
        P,
        [
            dict(category="launched", equipment="uav", value=146, subject_side="RU", period="window"),
            dict(category="intercepted", equipment="uav", value=140, subject_side="RU",
                 claimant=UA_AIR_FORCE, claimant_side="UA", period="window", date=P_PAST_DAY),
        ],
        "'of them' in a sentence with no noun of its own counts what the previous sentence counted.",
    ),
    Case(
        "launched-intercepted-shahed-overnight",
        "Russia attacked Ukraine overnight with 188 Shahed-type attack drones, the Ukrainian Air Force said "
        "on Telegram. Air defences shot down 76 of them over 17 regions.",
        P,
        [
            dict(category="launched", equipment="uav", value=188, subject_side="RU", claimant=UA_AIR_FORCE,
                 claimant_side="UA", date=P_PAST_DAY),
            dict(category="intercepted", equipment="uav", value=76, subject_side="RU", claimant=UA_AIR_FORCE,
                 claimant_side="UA", date=P_PAST_DAY),
        ],
        "The second sentence's statement is carried over from the first; 17 regions is no claim.",
    ),
    Case(
        "launched-kalibr-navy",
        "Russia fired eight Kalibr cruise missiles from warships in the Black Sea, Ukraine's Navy said.",
        P,
        [
            dict(category="launched", equipment="missile", value=8, subject_side="RU", claimant_side="UA"),
        ],
    ),
    Case(
        "intercepted-kh101-of-launched-sunday",
        "Air defence forces shot down 16 of the 20 Kh-101 cruise missiles Russia launched on Sunday, "
        "Ukraine's Air Force said.",
        P,
        [
            dict(category="intercepted", equipment="missile", value=16, subject_side="RU",
                 claimant_side="UA", date="2024-11-24"),
            dict(category="launched", equipment="missile", value=20, subject_side="RU", claimant_side="UA",
                 date="2024-11-24"),
        ],
    ),
    Case(
        "launched-iskander-thursday-kharkiv",
        "Russia struck Kharkiv with two Iskander-M ballistic missiles on Thursday, the Ukrainian regional "
        "governor said.",
        P,
        [
            dict(category="launched", equipment="missile", value=2, subject_side="RU", claimant_side="UA",
                 date="2024-11-21", place="Kharkiv", region=KHARKIV),
        ],
    ),
    Case(
        "intercepted-atacms-bryansk-ru-mod",
        "Russia's Defence Ministry said its air defences had shot down five U.S.-made ATACMS missiles fired "
        "at the Bryansk region.",
        P,
        [
            dict(category="intercepted", equipment="missile", value=5, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", region="Bryansk Oblast"),
        ],
        "The side that fired is Ukraine.",
    ),
    Case(
        "intercepted-ua-drones-overnight-ru-mod",
        "Air defence systems intercepted and destroyed 39 Ukrainian drones over Russian regions overnight, "
        "the Russian Defence Ministry said.",
        P,
        [
            dict(category="intercepted", equipment="uav", value=39, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", period="window", date=P_PAST_DAY),
        ],
    ),
    Case(
        "launched-missiles-and-drones-sunday",
        "Russia fired 120 missiles and 90 drones at Ukraine's energy grid on Sunday, Zelensky said.",
        P,
        [
            dict(category="launched", equipment="missile", value=120, subject_side="RU", claimant_side="UA",
                 date="2024-11-24"),
            dict(category="launched", equipment="uav", value=90, subject_side="RU", claimant=ZELENSKY,
                 claimant_side="UA", date="2024-11-24"),
        ],
    ),
    Case(
        "launched-ua-drones-moscow-region",
        "Ukraine launched 34 drones at the Moscow region overnight, the Russian Defence Ministry said.",
        P,
        [
            dict(category="launched", equipment="uav", value=34, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", date=P_PAST_DAY),
        ],
    ),
    Case(
        "intercepted-storm-shadow-and-himars-rockets",
        "Russia said its air defences had downed two Storm Shadow cruise missiles and 10 HIMARS rockets over "
        "the past day.",
        P,
        [
            dict(category="intercepted", equipment="missile", value=2, subject_side="UA", claimant_side="RU",
                 period="window"),
            dict(category="intercepted", equipment="missile", value=10, subject_side="UA",
                 claimant_side="RU", period="window"),
        ],
        "HIMARS rockets are munitions shot down, not launchers lost.",
    ),
    Case(
        "launched-geran-and-iskander-with-intercepts",
        "The Russian army launched 73 Geran-2 drones and three Iskander-M missiles overnight, Ukraine's Air "
        "Force said, adding that 55 of the drones were shot down.",
        P,
        [
            dict(category="launched", equipment="uav", value=73, subject_side="RU", claimant_side="UA",
                 date=P_PAST_DAY),
            dict(category="launched", equipment="missile", value=3, subject_side="RU", claimant_side="UA",
                 date=P_PAST_DAY),
            dict(category="intercepted", equipment="uav", value=55, subject_side="RU", claimant_side="UA",
                 date=P_PAST_DAY),
        ],
    ),
    Case(
        "launched-north-korean-made-by-russia",
        "Russia has fired more than 60 North Korean-made KN-23 ballistic missiles at Ukraine, Ukraine's "
        "prosecutor general said.",
        "2024-05-15",
        [
            dict(category="launched", equipment="missile", value=60, subject_side="RU", qualifier="at_least",
                 claimant_side="UA"),
        ],
        "Made in North Korea, fired by Russia: the side that fired is RU.",
    ),
    Case(
        "launched-intercepted-on-telegram-of",
        "Ukraine's Air Force said on Telegram that it had shot down 50 of the 62 Russian drones launched "
        "overnight.",
        P,
        [
            dict(category="intercepted", equipment="uav", value=50, subject_side="RU", claimant=UA_AIR_FORCE,
                 claimant_side="UA", date=P_PAST_DAY),
            dict(category="launched", equipment="uav", value=62, subject_side="RU", claimant=UA_AIR_FORCE,
                 claimant_side="UA", date=P_PAST_DAY),
        ],
    ),
    Case(
        "intercepted-lancet-ew-kupyansk",
        "Ukrainian electronic warfare downed 12 Russian Lancet drones near Kupyansk this week, a Ukrainian "
        "brigade said.",
        P,
        [
            dict(category="intercepted", equipment="uav", value=12, subject_side="RU", claimant_side="UA",
                 place="Kupiansk", region=KHARKIV),
        ],
    ),
    Case(
        "intercepted-orlan-sumy",
        "Border guards shot down an Orlan-10 reconnaissance drone over the Sumy region, Ukraine's State "
        "Border Guard Service said.",
        P,
        [
            dict(category="intercepted", equipment="uav", value=1, subject_side="RU",
                 claimant="State Border Guard Service of Ukraine", claimant_side="UA", region="Sumy Oblast"),
        ],
    ),
    Case(
        "launched-shaheds-in-november-at-least",
        "Russia has launched over 2,000 Shahed drones at Ukraine in November alone, Zelensky said.",
        P,
        [
            dict(category="launched", equipment="uav", value=2000, subject_side="RU", qualifier="at_least",
                 claimant_side="UA", period="window"),
        ],
    ),
    Case(
        "launched-night-of-nov-24-25",
        "On the night of Nov. 24-25, Russia attacked Ukraine with 96 drones and six missiles, the Air Force "
        "said.",
        P,
        [
            dict(category="launched", equipment="uav", value=96, subject_side="RU", claimant_side="UA",
                 date="2024-11-25"),
            dict(category="launched", equipment="missile", value=6, subject_side="RU", claimant_side="UA",
                 date="2024-11-25"),
        ],
        "A night is one window that ends on its second day.",
    ),
    Case(
        "intercepted-ru-mod-sunday-night-overnight",
        "Russia's Defence Ministry said on Sunday that 73 Ukrainian drones had been shot down overnight over "
        "the Bryansk region.",
        P,
        [
            dict(category="intercepted", equipment="uav", value=73, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", date=["2024-11-23", "2024-11-24"], region="Bryansk Oblast"),
        ],
        "'Overnight' is anchored on the day of the statement, not on publication.",
    ),
    Case(
        "intercepted-its-air-defences-after-the-attacker",
        "Russia launched 90 Shahed drones at Ukraine overnight, Ukraine's air force said on Sunday, adding "
        "that its air defences had shot down 71 of them.",
        P,
        [
            dict(category="launched", equipment="uav", value=90, subject_side="RU", claimant_side="UA"),
            dict(category="intercepted", equipment="uav", value=71, subject_side="RU", claimant_side="UA"),
        ],
        "\"Its air defences\" are the speaker's, nearer the verb than the attacker named first.",
    ),
]

DEPLOYED: list[Case] = [
    Case(
        "not-deployed-one-of-the-soldiers-born-in",
        "The Security Service said one of the soldiers, born in 2005, told interrogators he had been sent to "
        "Russia in November believing he was going to a training exercise.",
        P,
        [],
        "One man picked out of a group is no deployment figure; \"born in 2005\" is his age, not a date.",
    ),
    Case(
        "deployed-born-in-is-no-date",
        "North Korea has sent 3,000 more soldiers, most of them born in 2003 or later, to Russia in "
        "November, South Korea's spy agency said.",
        P,
        [
            dict(category="deployed", value=3000, subject_side="KP", claimant=NIS, date_start="2024-11-01",
                 date="2024-11-26"),
        ],
        "A birth year describes the soldiers; the month they were sent dates the claim.",
    ),
    Case(
        "deployed-kp-pentagon-about",
        "Moscow has deployed about 11,000 North Korean soldiers to the Kursk region, according to the "
        "Pentagon.",
        P,
        [
            dict(category="deployed", value=11000, subject_side="KP", qualifier="about", claimant="Pentagon",
                 claimant_side="other", region=KURSK),
        ],
        "The troops counted are North Korean, whoever deploys them.",
    ),
    Case(
        "deployed-kp-nis-more-than",
        "North Korea has sent more than 10,000 troops to Russia, South Korea's spy agency said.",
        P,
        [
            dict(category="deployed", value=10000, subject_side="KP", qualifier="at_least", claimant=NIS,
                 claimant_side="other"),
        ],
    ),
    Case(
        "deployed-ru-amassed-kupyansk",
        "Russia has amassed some 50,000 troops near Kupyansk, a Ukrainian commander said.",
        P,
        [
            dict(category="deployed", value=50000, subject_side="RU", qualifier="about", claimant_side="UA",
                 place="Kupiansk", region=KHARKIV),
        ],
    ),
    Case(
        "deployed-ru-massed-kursk-zelensky",
        "Russia has massed 50,000 troops, including North Korean soldiers, to retake the Kursk region, "
        "Zelensky said.",
        P,
        [
            dict(category="deployed", value=50000, subject_side="RU", claimant_side="UA", region=KURSK),
        ],
    ),
    Case(
        "deployed-kp-stationed-pentagon",
        "The Pentagon estimates that 12,000 North Korean troops are stationed in Russia's Kursk region.",
        "2025-01-16",
        [
            dict(category="deployed", value=12000, subject_side="KP", qualifier="exact",
                 claimant="Pentagon", claimant_side="other", region=KURSK),
        ],
    ),
    Case(
        "deployed-kp-reportedly-roughly",
        "Russia has reportedly deployed roughly 11,000 North Korean troops to Kursk Oblast.",
        "2024-12-17",
        [
            dict(category="deployed", value=11000, subject_side="KP", qualifier="about", claimant=None,
                 claimant_side=None, region=KURSK),
        ],
    ),
    Case(
        "deployed-ua-up-to-kursk",
        "Ukraine committed up to 10,000 soldiers to the Kursk incursion, a senior Ukrainian security "
        "official said.",
        "2024-08-17",
        [
            dict(category="deployed", value=10000, subject_side="UA", qualifier="up_to", claimant_side="UA",
                 region=KURSK),
        ],
    ),
    Case(
        "deployed-kp-additional-jcs",
        "Pyongyang has sent an additional 3,000 troops to Russia, South Korea's Joint Chiefs of Staff said.",
        "2025-02-24",
        [
            dict(category="deployed", value=3000, subject_side="KP",
                 claimant="South Korean Joint Chiefs of Staff", claimant_side="other"),
        ],
    ),
    Case(
        "deployed-ru-concentrated-pokrovsk-direction",
        "Russia has concentrated around 70,000 troops in the Pokrovsk direction, Ukraine's "
        "commander-in-chief said.",
        P,
        [
            dict(category="deployed", value=70000, subject_side="RU", qualifier="about", claimant_side="UA",
                 place="Pokrovsk", region=DONETSK),
        ],
    ),
]

ENGAGEMENT: list[Case] = [
    Case(
        "engagement-rubizh-kupyansk",
        "A tank of the Rubizh Brigade is destroying Russian positions near Kupyansk, the National Guard "
        "said.",
        P,
        [
            dict(category="engagement", value=None, subject_side="RU", unit="Rubizh Brigade",
                 claimant="National Guard of Ukraine", claimant_side="UA", place="Kupiansk", region=KHARKIV),
        ],
    ),
    Case(
        "engagement-47th-mechanised-avdiivka",
        "Fighters of the 47th Mechanised Brigade repelled a Russian assault near Avdiivka, the brigade said "
        "on Telegram.",
        P,
        [
            dict(category="engagement", value=None, subject_side="RU",
                 unit="47th Separate Mechanized Brigade", claimant_side="UA", place="Avdiivka",
                 region=DONETSK),
        ],
    ),
    Case(
        "engagement-80th-kursk-monday",
        "Ukraine's 80th Air Assault Brigade struck Russian positions in the Kursk region on Monday, the Air "
        "Assault Forces said.",
        "2025-01-07",
        [
            dict(category="engagement", value=None, subject_side="RU",
                 unit="80th Separate Air Assault Brigade", claimant_side="UA", date="2025-01-06",
                 region=KURSK),
        ],
    ),
    Case(
        "engagement-241th-reportedly",
        "The group, reportedly from the 241th Territorial Defense Brigade, fired thermobaric grenades at "
        "Russian forces.",
        "2023-02-08",
        [
            dict(category="engagement", value=None, subject_side="RU",
                 unit="241st Territorial Defense Brigade"),
        ],
        "'241th' is the source's spelling.",
    ),
    Case(
        "engagement-ru-marines-kursk",
        "Russia's Defence Ministry said marines of the 155th Naval Infantry Brigade had repelled a Ukrainian "
        "counterattack in the Kursk region.",
        P,
        [
            dict(category="engagement", value=None, subject_side="UA",
                 unit="155th Guards Naval Infantry Brigade", claimant=RU_MOD, claimant_side="RU",
                 region=KURSK),
        ],
        "The side attacked is Ukraine.",
    ),
    Case(
        "engagement-8th-sof-regiment-kp",
        '"Soldiers of the 8th Special Forces Regiment organized a warm welcome for North Korean troops in '
        "Russia's Kursk Oblast,\" the unit said on Facebook.",
        "2024-12-17",
        [
            dict(category="engagement", value=None, subject_side="KP", unit="8th Special Forces Regiment",
                 claimant_side="UA", region=KURSK),
        ],
    ),
    Case(
        "engagement-azov-toretsk",
        "The Azov brigade is holding off Russian assaults in the Toretsk direction, its commander said.",
        P,
        [
            dict(category="engagement", value=None, subject_side="RU",
                 unit="12th Special Purpose Brigade Azov", claimant_side="UA", place="Toretsk",
                 region=DONETSK),
        ],
    ),
    Case(
        "engagement-3rd-assault-kharkiv-direction",
        "The 3rd Assault Brigade said it had counterattacked and pushed Russian troops back in the Kharkiv "
        "direction.",
        P,
        [
            dict(category="engagement", value=None, subject_side="RU", unit="3rd Separate Assault Brigade",
                 claimant_side="UA", region=KHARKIV),
        ],
    ),
    Case(
        "engagement-the-unit-struck-suffers",
        "Russian forces struck accumulations of manpower and equipment of the Ukrainian 41st Mechanized "
        "Brigade near Sudzha, the Russian Defence Ministry said.",
        P,
        [
            dict(category="engagement", unit="41st Separate Mechanized Brigade", subject_side="UA",
                 claimant=RU_MOD, claimant_side="RU", place="Sudzha", region=KURSK),
        ],
        "A unit hit by the other side's forces is the side that suffers the action.",
    ),
    Case(
        "engagement-numbers-listed-before-one-formation",
        "Russian forces also struck positions of the Ukrainian 22nd and 41st mechanized brigades near "
        "Sudzha, the Russian Defence Ministry said.",
        P,
        [
            dict(category="engagement", unit="22nd Separate Mechanized Brigade", subject_side="UA",
                 claimant=RU_MOD, claimant_side="RU", place="Sudzha", region=KURSK),
            dict(category="engagement", unit="41st Separate Mechanized Brigade", subject_side="UA",
                 claimant=RU_MOD, claimant_side="RU", place="Sudzha", region=KURSK),
        ],
    ),
]

ATTRIBUTION: list[Case] = [
    Case(
        "attribution-according-to-gs",
        "According to Ukraine's General Staff, Russia lost 1,200 soldiers over the past day.",
        P,
        [
            dict(category="casualties", value=1200, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window"),
        ],
    ),
    Case(
        "attribution-claimed-russia-kherson",
        "Russia claimed it had killed 80 Ukrainian soldiers in the Kherson region.",
        P,
        [
            dict(category="killed", value=80, subject_side="UA", claimant_side="RU", region="Kherson Oblast"),
        ],
    ),
    Case(
        "attribution-bare-moscow-says-last-week",
        "Moscow says Kyiv's forces lost 1,400 troops in the Kursk region last week.",
        P,
        [
            dict(category="casualties", value=1400, subject_side="UA", claimant_side="RU", period="window",
                 region=KURSK),
        ],
    ),
    Case(
        "attribution-colon-telegram-monday-night",
        'Russia\'s Defense Ministry on Telegram on Monday night: "Over the past 24 hours, the Ukrainian '
        'Armed Forces have lost up to 420 servicemen in the Kursk direction."',
        "2025-01-07",
        [
            dict(category="casualties", value=420, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", period="window", date=["2025-01-06", "2025-01-07"], region=KURSK),
        ],
    ),
    Case(
        "attribution-carried-over-it-said",
        "Ukraine's General Staff published its morning update on Tuesday. It said Russia had lost 1,310 "
        "soldiers over the past day.",
        P,
        [
            dict(category="casualties", value=1310, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", evidence="It said Russia had lost 1,310 soldiers over the past day."),
        ],
    ),
    Case(
        "attribution-carried-over-quote",
        '"The enemy lost up to 95 servicemen near Kupyansk," the Russian Defence Ministry said. "Our units '
        'also destroyed two American-made Bradley vehicles."',
        P,
        [
            dict(category="casualties", value=95, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", place="Kupiansk"),
            dict(category="equipment", equipment="armored_vehicle", value=2, subject_side="UA",
                 claimant=RU_MOD, claimant_side="RU"),
        ],
    ),
    Case(
        "attribution-none-given",
        "Ukrainian forces destroyed 12 Russian tanks near Pokrovsk on Monday.",
        P,
        [
            dict(category="equipment", equipment="tank", value=12, subject_side="RU", claimant=None,
                 date="2024-11-25", place="Pokrovsk"),
        ],
    ),
    Case(
        "attribution-reportedly-casualties",
        "Russian forces reportedly lost about 400 soldiers in the failed assault on Vuhledar.",
        "2023-02-14",
        [
            dict(category="casualties", value=400, subject_side="RU", qualifier="about", claimant=None,
                 claimant_side=None, place="Vuhledar"),
        ],
    ),
    Case(
        "attribution-ukraine-claimed-kp",
        "Ukraine claimed its forces had killed 15 North Korean soldiers in the Kursk region on Saturday.",
        "2024-12-17",
        [
            dict(category="killed", value=15, subject_side="KP", claimant_side="UA", date="2024-12-14",
                 region=KURSK),
        ],
    ),
    Case(
        "attribution-two-sides-one-sentence",
        "Kyiv said Russia had lost 1,300 soldiers over the past day, while Moscow said Ukraine had lost up "
        "to 400.",
        P,
        [
            dict(category="casualties", value=1300, subject_side="RU", claimant_side="UA", period="window"),
            dict(category="casualties", value=400, subject_side="UA", qualifier="up_to", claimant_side="RU",
                 period="window"),
        ],
    ),
    Case(
        "attribution-headline-and-body-are-one-claim",
        "Russia lost 1,380 soldiers in a day, Ukraine says\nRussia lost 1,380 soldiers over the past day, "
        "Ukraine's General Staff said on Tuesday.",
        P,
        [
            dict(category="casualties", value=1380, subject_side="RU", claimant_side="UA", period="window"),
        ],
        "The same figure in headline and body is one claim.",
    ),
    Case(
        "attribution-isw-third-party",
        "Russian forces suffered an estimated 45,680 casualties in November, the Institute for the Study of "
        "War said.",
        "2024-12-02",
        [
            dict(category="casualties", value=45680, subject_side="RU",
                 claimant="Institute for the Study of War", claimant_side="other",
                 period="window", date_start="2024-11-01", date="2024-11-30"),
        ],
    ),
    Case(
        "attribution-a-relay-goes-on-in-the-ministry-voice",
        "Units of Battlegroup Sever defeated two Ukrainian brigades near Volchansk, the Russian Defence "
        "Ministry said. The enemy lost up to 560 servicemen. Battlegroup Zapad units took more advantageous "
        "lines near Kupyansk. Ukrainian losses amounted to up to 40 servicemen and two tanks.",
        "2024-11-30",
        [
            dict(category="casualties", value=560, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Sever", place="Vovchansk", region=KHARKIV),
            dict(category="casualties", value=40, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Zapad", place="Kupiansk", region=KHARKIV),
            dict(category="equipment", equipment="tank", value=2, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Zapad", place="Kupiansk", region=KHARKIV),
        ],
        "An institution's statement carries over three sentences of a relay; the losses are the formation's "
        "of the sentence before.",
    ),
]

SIDES: list[Case] = [
    Case(
        "side-moscows-soldiers",
        "Moscow's soldiers lost 1,150 men in the Pokrovsk direction last week, the Ukrainian army said.",
        P,
        [
            dict(category="casualties", value=1150, subject_side="RU", claimant_side="UA", period="window",
                 place="Pokrovsk", region=DONETSK),
        ],
    ),
    Case(
        "side-kyivs-forces",
        "Kyiv's forces lost up to 1,200 troops over the past week in the Kursk region, the Russian military "
        "said.",
        P,
        [
            dict(category="casualties", value=1200, subject_side="UA", qualifier="up_to", claimant_side="RU",
                 period="window", region=KURSK),
        ],
    ),
    Case(
        "side-occupiers-artillery",
        "The occupiers lost 41 artillery systems over the past day, the General Staff said.",
        P,
        [
            dict(category="equipment", equipment="artillery", value=41, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="window"),
        ],
    ),
    Case(
        "side-dprk-soldiers",
        "Ukrainian forces killed 18 DPRK soldiers in the Kursk region, Ukraine's military intelligence said.",
        "2024-12-20",
        [
            dict(category="killed", value=18, subject_side="KP", claimant=HUR, claimant_side="UA",
                 region=KURSK),
        ],
    ),
    Case(
        "side-ukrainian-formations-ru-mod",
        "Ukrainian formations lost up to 1,100 troops across the front, according to the Defence Ministry in "
        "Moscow.",
        P,
        [
            dict(category="casualties", value=1100, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU"),
        ],
    ),
    Case(
        "side-russian-invaders",
        "Ukrainian defenders eliminated 1,560 Russian invaders over the past day, the Defence Ministry in "
        "Kyiv said.",
        P,
        [
            dict(category="casualties", value=1560, subject_side="RU", claimant=UA_MOD, claimant_side="UA",
                 period="window"),
        ],
    ),
    Case(
        "side-enemy-with-ua-claimant-tanks",
        "The enemy lost 14 tanks and 32 armoured combat vehicles yesterday, Ukraine's General Staff said.",
        P,
        [
            dict(category="equipment", equipment="tank", value=14, subject_side="RU", claimant_side="UA",
                 date="2024-11-25"),
            dict(category="equipment", equipment="armored_vehicle", value=32, subject_side="RU",
                 claimant_side="UA", date="2024-11-25"),
        ],
    ),
]

PLACES_UNITS: list[Case] = [
    Case(
        "place-soedzja-dutch-spelling",
        "Ukrainian forces killed 35 North Korean soldiers west of Soedzja, Ukraine's military intelligence "
        "said.",
        "2025-01-16",
        [
            dict(category="killed", value=35, subject_side="KP", claimant=HUR, claimant_side="UA",
                 place="Sudzha", region=KURSK),
        ],
    ),
    Case(
        "place-artemovsk-russian-name",
        "Russia's Defence Ministry said up to 210 Ukrainian servicemen were killed in the Artemovsk "
        "direction.",
        "2023-03-10",
        [
            dict(category="killed", value=210, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", place="Bakhmut", region=DONETSK),
        ],
    ),
    Case(
        "place-kharkov-russian-spelling",
        "Russian forces destroyed a Ukrainian S-300 air defence system near Kharkov, the Defence Ministry in "
        "Moscow said.",
        P,
        [
            dict(category="equipment", equipment="air_defense", value=1, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", place="Kharkiv", region=KHARKIV),
        ],
    ),
    Case(
        "place-chasov-yar-russian-spelling",
        "Up to 75 Ukrainian servicemen were eliminated near Chasov Yar, the Russian military said.",
        P,
        [
            dict(category="casualties", value=75, subject_side="UA", qualifier="up_to", claimant_side="RU",
                 place="Chasiv Yar", region=DONETSK),
        ],
    ),
    Case(
        "place-sudzha-gives-kursk-region",
        "Russia's Defence Ministry said Ukraine had lost up to 260 servicemen near Sudzha over the past day.",
        P,
        [
            dict(category="casualties", value=260, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", period="window", place="Sudzha", region=KURSK),
        ],
    ),
    Case(
        "unit-241th-normalised-with-count",
        "Soldiers of the 241th Territorial Defense Brigade destroyed two Russian armoured vehicles near "
        "Bakhmut, the brigade said.",
        "2023-02-08",
        [
            dict(category="equipment", equipment="armored_vehicle", value=2, subject_side="RU",
                 claimant_side="UA", place="Bakhmut", region=DONETSK,
                 unit="241st Territorial Defense Brigade"),
        ],
    ),
    Case(
        "unit-47th-mechanised-british-spelling-killed",
        "The 47th Mechanised Brigade said its Bradley crews had killed 20 Russian soldiers near Avdiivka.",
        P,
        [
            dict(category="killed", value=20, subject_side="RU", claimant_side="UA", place="Avdiivka",
                 unit="47th Separate Mechanized Brigade"),
        ],
        "The brigade's Bradleys are the weapon, not a loss.",
    ),
    Case(
        "unit-8th-sof-regiment-kills-kp",
        "The 8th Special Forces Regiment killed 20 North Korean soldiers in the Kursk region, the unit said "
        "on Dec. 20.",
        "2024-12-21",
        [
            dict(category="killed", value=20, subject_side="KP", claimant_side="UA", date="2024-12-20",
                 region=KURSK, unit="8th Special Forces Regiment"),
        ],
    ),
    Case(
        "unit-80th-air-assault-kursk",
        "Paratroopers of the 80th Separate Air Assault Brigade destroyed three Russian tanks in the Kursk "
        "region, the Air Assault Forces said.",
        P,
        [
            dict(category="equipment", equipment="tank", value=3, subject_side="RU", claimant_side="UA",
                 region=KURSK, unit="80th Separate Air Assault Brigade"),
        ],
    ),
    Case(
        "unit-ordinal-misspelt-registry-brigade",
        "The 72th Brigade said it destroyed two Russian tanks near Vuhledar on Monday.",
        P,
        [
            dict(category="equipment", equipment="tank", value=2, subject_side="RU", claimant_side="UA",
                 unit="72nd Separate Mechanized Brigade",
                 place="Vuhledar", region=DONETSK, date="2024-11-25"),
        ],
        "A number and formation the registry spells otherwise is the one brigade it knows so numbered.",
    ),
    Case(
        "unit-honorific-before-descriptors",
        "Ukraine's 25th Sicheslav Airborne Brigade said it destroyed three Russian tanks near Pokrovsk.",
        P,
        [
            dict(category="equipment", equipment="tank", value=3, subject_side="RU", claimant_side="UA",
                 unit="25th Separate Airborne Brigade", place="Pokrovsk", region=DONETSK),
        ],
    ),
    Case(
        "unit-battlegroup-with-translation-in-brackets",
        "Russia's Defence Ministry said its Tsentr (Centre) battlegroup had inflicted losses of up to 520 "
        "Ukrainian servicemen over the past 24 hours.",
        P,
        [
            dict(category="casualties", value=520, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Tsentr", period="window", date=P_PAST_DAY),
        ],
    ),
    Case(
        "unit-the-brigade-of-an-earlier-paragraph",
        "The 47th Mechanised Brigade has held the line west of Avdiivka since February.\n\n"
        "The brigade's press officer said that over the past week its units had killed 146 Russian soldiers.",
        P,
        [
            dict(category="killed", value=146, subject_side="RU", claimant_side="UA",
                 unit="47th Separate Mechanized Brigade", place=None),
        ],
        "\"The brigade\" is the brigade named before; the place of another paragraph is not carried.",
    ),
    Case(
        "unit-the-brigade-with-none-named-before",
        "The brigade said it destroyed two Russian tanks near Pokrovsk on Monday.",
        P,
        [
            dict(category="equipment", equipment="tank", value=2, subject_side="RU", unit=None,
                 place="Pokrovsk", region=DONETSK, date="2024-11-25"),
        ],
        "\"The brigade\" with no brigade named before it is no unit.",
    ),
    Case(
        "unit-and-place-carried-within-the-paragraph",
        "Battlegroup Zapad units routed Ukrainian formations near Kupyansk. The enemy lost up to 230 "
        "servicemen there, the Russian Defence Ministry said.",
        P,
        [
            dict(category="casualties", value=230, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Zapad", place="Kupiansk", region=KHARKIV),
        ],
    ),
    Case(
        "unit-and-place-not-carried-across-paragraphs",
        "Battlegroup Zapad units routed Ukrainian formations near Kupyansk.\n\nThe enemy lost up to 230 "
        "servicemen over the past day, the Russian Defence Ministry said.",
        P,
        [
            dict(category="casualties", value=230, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit=None, place=None),
        ],
    ),
    Case(
        "place-not-carried-to-a-frontwide-tally",
        "Fighting was heaviest near Pokrovsk, the General Staff said. Russia lost 1,250 soldiers over the "
        "past day, it said.",
        P,
        [
            dict(category="casualties", value=1250, subject_side="RU", claimant=GS, claimant_side="UA",
                 place=None, region=None),
        ],
        "A front-wide daily tally is not the place of the sentence before.",
    ),
]

DATES: list[Case] = [
    Case(
        "date-said-on-a-day-that-since",
        "Zelensky said on Sunday that 45,100 Ukrainian soldiers had been killed since the start of the "
        "full-scale invasion.",
        P,
        [
            dict(category="killed", value=45100, subject_side="UA", claimant=ZELENSKY, period="cumulative",
                 date="2024-11-24"),
        ],
        "The day it was said dates the running total; 'since ...' gives its period, not the nearer day.",
    ),
    Case(
        "date-said-on-a-day-with-no-span",
        "Russia lost 1,200 soldiers on Sunday, Zelensky said.",
        P,
        [
            dict(category="casualties", value=1200, subject_side="RU", claimant=ZELENSKY, period="window",
                 date="2024-11-24"),
        ],
    ),
    Case(
        "date-on-may-5",
        "On May 5 Russia lost 50 tanks, Ukraine's General Staff said.",
        "2024-05-07",
        [
            dict(category="equipment", equipment="tank", value=50, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="window", date="2024-05-05"),
        ],
    ),
    Case(
        "date-5-may-day-first",
        "Ukraine's General Staff said Russia lost 1,210 soldiers on 5 May.",
        "2024-05-07",
        [
            dict(category="casualties", value=1210, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", date="2024-05-05"),
        ],
    ),
    Case(
        "date-modal-may-is-no-month",
        "Ukraine's General Staff said about 1,200 Russian soldiers were killed in the past day; the 2 may "
        "rise as reports come in.",
        "2024-11-26",
        [
            dict(category="killed", value=1200, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", date=P_PAST_DAY),
        ],
        note="a lower-case 'may' after a number is the verb, not the month",
    ),
    Case(
        "date-on-dec-17-in-three-days",
        "Ukraine's Special Operations Forces said on Dec. 17 that they had killed 50 North Korean soldiers "
        "in three days of fighting.",
        "2024-12-18",
        [
            dict(category="killed", value=50, subject_side="KP", claimant_side="UA", period="window",
                 date="2024-12-17"),
        ],
    ),
    Case(
        "date-month-name-november-24",
        "Russia lost 1,780 troops on November 24, Ukraine's General Staff said.",
        P,
        [
            dict(category="casualties", value=1780, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", date="2024-11-24"),
        ],
    ),
    Case(
        "date-in-the-month-of-january",
        "Russia has also claimed it inflicted 6,800 Ukrainian casualties in the month of January.",
        "2023-02-08",
        [
            dict(category="casualties", value=6800, subject_side="UA", claimant_side="RU", period="window",
                 date_start="2023-01-01", date="2023-01-31"),
        ],
    ),
    Case(
        "date-in-october",
        "Russia lost 41,980 soldiers in October, the highest monthly toll of the war, Ukraine's Defence "
        "Ministry said.",
        P,
        [
            dict(category="casualties", value=41980, subject_side="RU", claimant=UA_MOD, claimant_side="UA",
                 period="window", date_start="2024-10-01", date="2024-10-31"),
        ],
    ),
    Case(
        "date-year-rollover-dec-30",
        "Russia's Defence Ministry said up to 350 Ukrainian servicemen were killed in the Kursk region on "
        "Dec. 30.",
        "2025-01-02",
        [
            dict(category="killed", value=350, subject_side="UA", qualifier="up_to", claimant_side="RU",
                 date="2024-12-30", region=KURSK),
        ],
        "Published in January: December is last year's.",
    ),
    Case(
        "date-between-nov-18-and-24",
        "Between Nov. 18 and Nov. 24, Russia lost 10,960 soldiers, according to the Ukrainian General Staff.",
        P,
        [
            dict(category="casualties", value=10960, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window", date_start="2024-11-18", date="2024-11-24"),
        ],
    ),
    Case(
        "date-last-friday",
        "Ukrainian air defences shot down 44 Russian drones last Friday, the Air Force said.",
        P,
        [
            dict(category="intercepted", equipment="uav", value=44, subject_side="RU", claimant_side="UA",
                 date="2024-11-22"),
        ],
    ),
    Case(
        "date-yesterday-tanks",
        "Russia lost nine tanks yesterday, the General Staff of Ukraine's Armed Forces said.",
        "2025-01-07",
        [
            dict(category="equipment", equipment="tank", value=9, subject_side="RU", claimant=GS,
                 claimant_side="UA", period="window", date="2025-01-06"),
        ],
    ),
    Case(
        "date-since-the-war-began-cumulative",
        "Ukraine says 133,000 Russian troops have been killed since the war began.",
        "2023-02-07",
        [
            dict(category="killed", value=133000, subject_side="RU", claimant_side="UA", period="cumulative"),
        ],
    ),
    Case(
        "date-daily-and-running-total",
        "Kyiv updated its tally of Russian military deaths by 950 for yesterday, adding to its total of "
        "135,000 since the war began in February last year.",
        "2023-02-10",
        [
            dict(category="killed", value=950, subject_side="RU", claimant_side="UA", period="window",
                 date="2023-02-09"),
            dict(category="killed", value=135000, subject_side="RU", claimant_side="UA", period="cumulative",
                 date=["2023-02-09", "2023-02-10"]),
        ],
        "A daily figure and a running total are two claims and never one.",
    ),
    Case(
        "date-as-of-cumulative",
        "As of Nov. 26, Russia had lost 733,470 troops since the start of the full-scale invasion, Ukraine's "
        "General Staff said.",
        P,
        [
            dict(category="casualties", value=733470, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="cumulative", date="2024-11-26"),
        ],
    ),
    Case(
        "date-earlier-this-month-window",
        "Earlier this month, Russia suffered 2,010 casualties in one day, the General Staff said.",
        P,
        [
            dict(category="casualties", value=2010, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window"),
        ],
    ),
    Case(
        "date-last-week-captured",
        "Ukraine managed to capture two wounded North Korean soldiers alive last week, Zelensky said.",
        "2025-01-16",
        [
            dict(category="captured", value=2, subject_side="KP", claimant_side="UA", period="window"),
        ],
        "Two wounded prisoners are a capture claim, not a wounded one.",
    ),
    Case(
        "date-past-24-hours-kupiansk-ru",
        "Over the past 24 hours, Russian forces destroyed six Ukrainian drone control points and eliminated "
        "up to 45 servicemen in the Kupiansk direction, the ministry in Moscow said.",
        P,
        [
            dict(category="casualties", value=45, subject_side="UA", qualifier="up_to", claimant_side="RU",
                 period="window", date=P_PAST_DAY, place="Kupiansk", region=KHARKIV),
        ],
        "Drone control points are positions, not drones.",
    ),
    Case(
        "date-since-a-recent-weekday-is-a-window",
        "Russia has lost around 300 personnel near Vovchansk since Friday, the General Staff said.",
        "2024-05-14",
        [
            dict(category="casualties", value=300, subject_side="RU", qualifier="about", claimant=GS,
                 claimant_side="UA", period="window", date="2024-05-14", date_start="2024-05-10",
                 place="Vovchansk", region=KHARKIV),
        ],
        "\"Since\" a day of the last month opens a window that ends with the report, not a running total.",
    ),
    Case(
        "date-since-a-recent-date-is-a-window",
        "Ukraine says it has shot down 13 Russian warplanes since Feb. 17.",
        "2024-02-29",
        [
            dict(category=["equipment", "intercepted"], equipment="aircraft", value=13, subject_side="RU",
                 claimant_side="UA", period="window", date="2024-02-29", date_start="2024-02-17"),
        ],
    ),
    Case(
        "date-since-a-day-months-ago-is-a-running-total",
        "Ukraine says it has shot down 13 Russian warplanes since Oct. 17.",
        "2024-02-29",
        [
            dict(category=["equipment", "intercepted"], equipment="aircraft", value=13, subject_side="RU",
                 claimant_side="UA", period="cumulative", date="2024-02-29", date_start=None),
        ],
    ),
    Case(
        "date-a-weekly-summary-lead-dates-its-figures",
        "The Ukrainian army lost up to 12,540 servicemen from November 23 to 29, the Russian Defence "
        "Ministry said.\n\nAir defence systems shot down 361 fixed-wing drones over the week, the ministry "
        "said.",
        "2024-11-30",
        [
            dict(category="casualties", value=12540, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", period="window", date="2024-11-29", date_start="2024-11-23"),
            dict(category="intercepted", equipment="uav", value=361, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", period="window", date="2024-11-29", date_start="2024-11-23"),
        ],
        "A figure with no time of its own is the lead's span when the lead names one that just ended.",
    ),
]

NOT_CLAIMS: list[Case] = [
    Case("not-aid-abrams", "The U.S. has sent 31 Abrams tanks to Ukraine.", P, []),
    Case(
        "not-aid-strykers-since-2022",
        "The U.S. has sent more than 400 Stryker vehicles to Ukraine since February 2022, according to "
        "Pentagon documents.",
        P,
        [],
    ),
    Case(
        "not-aid-leopards-marders",
        "Germany has delivered 18 Leopard 2 tanks and 40 Marder infantry fighting vehicles to Kyiv.",
        P,
        [],
    ),
    Case(
        "not-aid-praise",
        "Ukrainian officials have praised how U.S.-donated equipment like Strykers, Bradley infantry "
        "fighting vehicles and the 31 M1 Abrams tanks performed against Russian troops.",
        P,
        [],
    ),
    Case(
        "not-aid-package-patriots",
        "The package includes three Patriot batteries, 100 Bradley vehicles and $400 million in artillery "
        "shells.",
        P,
        [],
    ),
    Case(
        "not-mobilisation-reservists",
        "Putin ordered the call-up of 300,000 reservists in September 2022.",
        P,
        [],
    ),
    Case(
        "not-mobilisation-called-up",
        "Moscow is now making full use of hundreds of thousands of troops it called up in its first "
        "mobilisation since World War Two.",
        P,
        [],
    ),
    Case(
        "not-mobilisation-ukraine-plans",
        "Ukraine's military wants to mobilise up to 500,000 more people, Zelensky said.",
        P,
        [],
    ),
    Case(
        "not-territory-percentage",
        "Russia now occupies about 18% of Ukraine's territory, the think tank said.",
        P,
        [],
    ),
    Case(
        "not-territory-square-km",
        "Ukraine says it controls more than 1,000 square kilometres of the Kursk region.",
        P,
        [],
    ),
    Case(
        "not-territory-roughly-half",
        "Ukraine still controls roughly half of the territory it seized in the late summer.",
        P,
        [],
    ),
    Case("not-money-aid-bill", "Congress approved $61 billion in aid for Ukraine in April.", P, []),
    Case(
        "not-money-roubles",
        "Russia plans to spend 13.5 trillion roubles on defence in 2025, or 6.3% of GDP.",
        P,
        [],
    ),
    Case(
        "not-year-since-august",
        "Russia has been battling Ukraine in Kursk since August 2024, when Kyiv launched a surprise "
        "cross-border incursion.",
        P,
        [],
    ),
    Case(
        "not-age-and-days",
        "The 45-year-old colonel said his men had held the line for 12 days without rotation.",
        P,
        [],
    ),
    Case(
        "not-times-air-raid",
        "The air raid alert in Kyiv lasted from 4:15 a.m. until 7:40 a.m. local time.",
        P,
        [],
    ),
    Case("not-distance-km", "The village lies 30 kilometres west of Sudzha, near the border.", P, []),
    Case(
        "not-calibre-203mm",
        "Ukrainian soldiers prepare to load Pion 203mm munitions into a truck after a firing mission near "
        "Bakhmut.",
        P,
        [],
    ),
    Case(
        "not-calibre-155mm-production",
        "Europe aims to produce 2 million 155mm shells a year by the end of 2025.",
        P,
        [],
    ),
    Case(
        "not-population",
        "Fighting has focused for months on Bakhmut, a city with a pre-war population of around 75,000.",
        P,
        [],
    ),
    Case("not-vague-dozens-of-drones", "Russia launched dozens of drones at Ukraine overnight.", P, []),
    Case(
        "not-vague-hundreds-of-soldiers",
        "Hundreds of soldiers have been killed in the fighting for Vuhledar, officials said.",
        P,
        [],
    ),
    Case(
        "not-vague-thousands-of-dead",
        "Moscow is yet to capture a single major population centre in its winter campaign despite thousands "
        "of dead.",
        P,
        [],
    ),
    Case(
        "not-vague-tens-of-thousands",
        "Russia has lost tens of thousands of soldiers in the battle for Avdiivka, Kyiv says.",
        P,
        [],
    ),
    Case(
        "not-unit-number-alone",
        "Soldiers of the 93rd Brigade spoke to reporters in Kramatorsk about the winter.",
        P,
        [],
    ),
    Case(
        "not-unit-number-formed",
        "The 47th Mechanized Brigade was formed in 2022 and trained in Germany.",
        P,
        [],
    ),
    Case(
        "not-village-captured",
        "Russian forces captured the village of Novoselydivka, the Russian Defence Ministry said.",
        P,
        [],
        "A place taken is not a prisoner taken.",
    ),
    Case("not-town-captured-in-august", "Kyiv captured the border town of Sudzha early on in August.", P, []),
    Case(
        "not-stockpile-and-production",
        "Russia produces about 1,500 tanks a year and has 1,300 more in storage, analysts say.",
        P,
        [],
    ),
    Case(
        "not-request-patriots",
        "Ukraine needs at least 20 more Patriot systems to protect its cities, Zelensky said.",
        P,
        [],
    ),
    Case(
        "not-army-size-million",
        "North Korea's army numbers about 1.2 million active-duty soldiers.",
        P,
        [],
    ),
    Case(
        "not-prisoner-exchange",
        "Ukraine and Russia exchanged 95 prisoners each on Wednesday in a deal brokered by the UAE.",
        P,
        [],
        "An exchange returns prisoners; it is not a figure of men captured.",
    ),
    Case(
        "not-world-war-ii",
        "Foreign troops crossed into Russia for the first time since World War II.",
        P,
        [],
    ),
    Case(
        "not-denial",
        "The Russian Defence Ministry denied losing any aircraft in the region.",
        P,
        [],
    ),
    Case(
        "not-decree-number",
        "Zelensky signed decree No. 64/2022 extending martial law by 90 days.",
        P,
        [],
    ),
]

CASES: list[Case] = [
    *KILLED,
    *WOUNDED,
    *CASUALTIES,
    *CAPTURED,
    *EQUIPMENT,
    *TALLIES,
    *LAUNCHED_INTERCEPTED,
    *DEPLOYED,
    *ENGAGEMENT,
    *ATTRIBUTION,
    *SIDES,
    *PLACES_UNITS,
    *DATES,
    *NOT_CLAIMS,
]
# fmt: on
