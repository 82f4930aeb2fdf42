"""Cases in the language of real war reporting, one table a failure class of the real-reporting issue.

Each was written in our own words after reading real reporting of its kind (wire copy, General Staff
tallies and their re-reports, Russian ministry relays by battlegroup, air-defence reports, intelligence
estimates, counts of named dead, live-blogs, features): facts and figures may carry over, sentences do
not. Same ``Case`` form and conventions as ``cases.py``.
"""

from __future__ import annotations

from tests.extraction.cases import (
    DONETSK,
    GS,
    HUR,
    KHARKIV,
    KURSK,
    NIS,
    RU_MOD,
    UA_AIR_FORCE,
    UA_MOD,
    UK_DI,
    ZELENSKY,
    Case,
)

# fmt: off
# Laid out by hand, one claim to a line or two, as in cases.py.

# 1. Who speaks: the article's voice, named people, relays, "Kyiv says", media and monitors.
WHO_SPEAKS: list[Case] = [
    Case(
        "voice-later-in-the-article",
        "More than 20 Russian soldiers gave themselves up on the southern front this week.\n\n"
        "The figure came from Ukraine's General Staff, which posted it on Telegram on Friday.",
        "2023-10-06",
        [
            dict(category="captured", value=20, subject_side="RU", qualifier="at_least", claimant=GS,
                 claimant_side="UA"),
        ],
        note="a lead gives the figure before the paragraph that says whose it is",
    ),
    Case(
        "voice-carries-across-paragraphs",
        "Ukraine's General Staff published its morning update on Tuesday.\n\n"
        "Russian troops mounted 140 assaults along the front.\n\n"
        "The enemy lost 1,230 soldiers killed and wounded over the past day.",
        "2024-11-26",
        [
            dict(category="casualties", value=1230, subject_side="RU", claimant=GS, claimant_side="UA",
                 period="window"),
        ],
        note="no speaker in the figure's paragraph: the article's last one, two paragraphs up",
    ),
    Case(
        "who-speaks-name-then-role",
        "Valerii Zaluzhnyi, the army's commander-in-chief, said air defences brought down 30 of the 36 "
        "missiles.",
        "2023-01-26",
        [
            dict(category="intercepted", value=30, equipment="missile", subject_side="RU", claimant_side="UA",
                 claimant="Commander-in-Chief of the Armed Forces of Ukraine"),
            dict(category="launched", value=36, equipment="missile", subject_side="RU", claimant_side="UA",
                 claimant="Commander-in-Chief of the Armed Forces of Ukraine"),
        ],
        note="a named person, a comma, who he is, a comma, then the verb: the person speaks",
    ),
    Case(
        "who-speaks-spoke-then-bullets",
        "Defence Minister Andrei Belousov spoke to the ministry's board on Tuesday. The main points:\n\n"
        "- The enemy lost about 40,000 units of weapons this year;\n\n"
        "- Air defence units shot down 95 ATACMS missiles and over 20,000 drones.",
        "2024-12-17",
        [
            dict(category="equipment", value=40000, subject_side="UA", claimant_side="RU", claimant=RU_MOD),
            dict(category="intercepted", value=95, equipment="missile", subject_side="UA", claimant_side="RU",
                 claimant=RU_MOD),
            dict(category="intercepted", value=20000, equipment="uav", subject_side="UA", claimant_side="RU",
                 claimant=RU_MOD, qualifier="at_least"),
        ],
        note="a minister who 'spoke' is the voice of the bullet points after him; his enemy is Ukraine",
    ),
    Case(
        "who-speaks-role-then-name-between-commas",
        "On March 12, Russia's chief of the General Staff, Army General Valery Gerasimov, put the number of "
        "Ukrainian soldiers taken prisoner in the region at about 400.",
        "2025-04-20",
        [
            dict(category="captured", value=400, subject_side="UA", claimant_side="RU",
                 claimant="Russian General Staff", qualifier="about", date="2025-03-12"),
        ],
        note="the name set off by commas right before the verb is the speaker; 'put ... at' is his estimate",
    ),
    Case(
        "who-speaks-the-ministry-is-the-ministry-quoted-before",
        "A total of 21 Ukrainian drones were shot down over Russia overnight, the Russian Defence Ministry "
        "said. The governor of the Belgorod region reported no damage. The ministry later reported three "
        "more drones destroyed over the Kursk region.",
        "2023-12-17",
        [
            dict(category="intercepted", value=21, equipment="uav", subject_side="UA", claimant=RU_MOD,
                 period="window"),
            dict(category="intercepted", value=3, equipment="uav", subject_side="UA", claimant=RU_MOD),
        ],
        note="'the ministry' is the one quoted before, not the governor between; 'a total of' sums a night",
    ),
    Case(
        "who-speaks-surname-and-role",
        "Sobyanin, the Moscow mayor, said air defences destroyed 14 drones on approach to the city.",
        "2025-03-11",
        [dict(category="intercepted", value=14, equipment="uav", subject_side="UA",
              claimant="Mayor of Moscow", claimant_side="RU")],
        note="a surname alone speaks when the words after it say who he is",
    ),
    Case(
        "who-speaks-whose-estimate-not-who-rejects-it",
        "Kremlin dismisses U.S. estimate of 90,000 Russian casualties since December",
        "2023-05-02",
        [dict(category="casualties", value=90000, subject_side="RU")],
        note="the figure is the estimate's owner's, never the claim of the side that rejects it",
    ),
]

# 2. Whose losses across a list: the side named once governs every item.
LIST_SIDE: list[Case] = [
    Case(
        "list-side-governs-every-item",
        "Kyiv's forces say they have destroyed 3,500 Russian tanks, 2,500 artillery systems, 490 rocket "
        "launchers, 255 air-defence systems and 18 boats since the invasion began.",
        "2023-03-10",
        [
            dict(category="equipment", equipment="tank", value=3500, subject_side="RU", claimant_side="UA",
                 period="cumulative"),
            dict(category="equipment", equipment="artillery", value=2500, subject_side="RU",
                 claimant_side="UA", period="cumulative"),
            dict(category="equipment", equipment="mlrs", value=490, subject_side="RU", claimant_side="UA",
                 period="cumulative"),
            dict(category="equipment", equipment="air_defense", value=255, subject_side="RU",
                 claimant_side="UA", period="cumulative"),
            dict(category="equipment", equipment="ship", value=18, subject_side="RU", claimant_side="UA",
                 period="cumulative"),
        ],
    ),
    Case(
        "list-side-from-the-tally-header",
        "Ukraine's General Staff put the enemy's combat losses from 24 February to 2 May at roughly these "
        "figures: personnel – about 23,900, tanks – 1,050 units, artillery systems – 465 units, aircraft – "
        "195 units.",
        "2022-05-02",
        [
            dict(category="casualties", value=23900, subject_side="RU", qualifier="about", claimant=GS),
            dict(category="equipment", equipment="tank", value=1050, subject_side="RU", claimant=GS),
            dict(category="equipment", equipment="artillery", value=465, subject_side="RU", claimant=GS),
            dict(category="equipment", equipment="aircraft", value=195, subject_side="RU", claimant=GS),
        ],
        note="after the colon, an item's side is the one whose losses the header names",
    ),
    Case(
        "list-one-item-a-line-under-a-header",
        "Russia lost another 1,480 troops over the past day, Ukraine's General Staff said on Sunday.\n\n"
        "The equipment count rose too:\n\n"
        "- tanks — 9,450 (+10);\n"
        "- artillery systems — 20,800 (+11);\n"
        "- aircraft — 369;\n"
        "- submarines — 1.",
        "2024-11-25",
        [
            dict(category="casualties", value=1480, subject_side="RU", claimant=GS, period="window"),
            dict(category="equipment", equipment="tank", value=9450, subject_side="RU", claimant=GS,
                 period="cumulative"),
            dict(category="equipment", equipment="tank", value=10, subject_side="RU", period="window"),
            dict(category="equipment", equipment="artillery", value=20800, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="artillery", value=11, subject_side="RU", period="window"),
            dict(category="equipment", equipment="aircraft", value=369, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="submarine", value=1, subject_side="RU",
                 period="cumulative"),
        ],
        note="a line without its own (+N) keeps the running-total period of the lines above",
    ),
    Case(
        "list-side-put-losses-at",
        "The brigade's spokesman put Russian losses near Vovchansk at over 300 men (110 of them killed) and "
        "17 pieces of equipment.",
        "2024-05-23",
        [
            dict(category="casualties", value=300, subject_side="RU", qualifier="at_least"),
            dict(category="killed", value=110, subject_side="RU"),
            dict(category="equipment", value=17, subject_side="RU"),
        ],
        note="the side between 'put' and 'at' owns every figure after it; a verb in brackets is its own",
    ),
    Case(
        "list-side-put-the-number-of",
        "Syrskyi put the number of Russians captured in the Kursk operation at 650.",
        "2024-11-30",
        [dict(category="captured", value=650, subject_side="RU", claimant_side="UA")],
        note="'the number of Russians captured': the side named in what is counted",
    ),
    Case(
        "list-side-object-of-an-ing-verb-is-no-actor",
        "The brigade's drone teams are credited with downing Russian Orlan drones and hitting three tanks, "
        "its press service said.",
        "2024-03-26",
        [dict(category="equipment", value=3, equipment="tank", subject_side="RU")],
        note="'Russian' after 'downing' is an object, not the actor of the next verb",
    ),
    Case(
        "captured-alive-is-a-capture",
        "Ukrainian paratroopers captured three Russian soldiers alive near Kreminna, the brigade said.",
        "2024-03-26",
        [dict(category="captured", value=3, subject_side="RU", claimant_side="UA")],
    ),
    Case(
        "list-side-its-refers-to-the-side-before",
        "The Russian army has had about 8,000 of its soldiers killed in the Kursk region since August, "
        "Syrskyi said.",
        "2024-11-02",
        [dict(category="killed", value=8000, subject_side="RU", claimant_side="UA")],
        note="'its' is the army named before it, not the speaker's side",
    ),
    Case(
        "total-casualties-come-to-after-killed",
        "Russia has had 190,000 soldiers killed, and its total casualties come to about 520,000, Zelensky "
        "said.",
        "2024-11-02",
        [
            dict(category="killed", value=190000, subject_side="RU"),
            dict(category="casualties", value=520000, subject_side="RU", qualifier="about"),
        ],
        note="'total casualties come to N' counts casualties, not the killed before it",
    ),
    Case(
        "own-toll-is-not-a-sides-figures-about-the-other",
        "Official Ukrainian figures show Russia lost 640 soldiers over the past day.",
        "2024-05-02",
        [dict(category="casualties", value=640, subject_side="RU")],
        note="'official figures' of one side about the other are no count of its own losses",
    ),
]

# 3. A running total or a window.
PERIODS: list[Case] = [
    Case(
        "period-part-of-a-running-total",
        "Kyiv says its forces have killed 16,000 Russian troops since the invasion, among them seven "
        "generals.",
        "2022-03-23",
        [
            dict(category="killed", value=16000, subject_side="RU", period="cumulative", claimant_side="UA"),
            dict(category="killed", value=7, subject_side="RU", period="cumulative", claimant_side="UA"),
        ],
        note="a part of a running total is counted over the same span",
    ),
    Case(
        "period-statement-day-is-not-the-window",
        "Ukraine's General Staff on Wednesday put Russian losses at about 56,000 soldiers.",
        "2022-09-21",
        [
            dict(category="casualties", value=56000, subject_side="RU", qualifier="about", claimant=GS,
                 period="cumulative", date="2022-09-21"),
        ],
        note="the day names when it was said; a tally of that size is the war's running total",
    ),
    Case(
        "period-had-died-is-a-toll-so-far",
        "Moscow said on March 2 that 498 of its soldiers had died, a rare admission of losses.",
        "2022-03-09",
        [
            dict(category="killed", value=498, subject_side="RU", claimant_side="RU", period="cumulative"),
        ],
    ),
    Case(
        "period-named-dead-count",
        "Volunteers working with two independent outlets have now identified by name 31,500 Russian soldiers "
        "killed in Ukraine.",
        "2023-09-15",
        [
            dict(category="killed", value=31500, subject_side="RU", period="cumulative"),
        ],
        note="a count of the dead identified by name is a running total",
    ),
    Case(
        "period-small-figure-said-on-a-day",
        "Ukraine's air force said on Thursday it had shot down two Russian Su-34 bombers over the east.",
        "2024-02-29",
        [
            dict(category="equipment", equipment="aircraft", value=2, subject_side="RU", period="window",
                 date="2024-02-29"),
        ],
    ),
    Case(
        "period-reached-by-the-morning-of",
        "Russia's personnel losses had reached about 24,000 by the morning of 3 May, Ukraine's General Staff "
        "said.",
        "2022-05-03",
        [dict(category="casualties", value=24000, subject_side="RU", period="cumulative", date="2022-05-03")],
        note="'by the morning of' a day is an as-of day: a running total",
    ),
    Case(
        "period-between-the-invasion-day-and-a-day",
        "Between 24 February and 10 March, Russia lost 300 tanks and 50 aircraft, the General Staff said.",
        "2022-03-10",
        [
            dict(category="equipment", equipment="tank", value=300, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="aircraft", value=50, subject_side="RU",
                 period="cumulative"),
        ],
        note="a span that opens on the day of the full-scale invasion is a running total",
    ),
    Case(
        "period-previous-official-figure-published-on-a-day",
        "The previous official Russian figure, published on 25 March, put the number of dead at 1,351.",
        "2022-09-21",
        [dict(category="killed", value=1351, subject_side="RU", period="cumulative", date="2022-03-25")],
        note="an official figure is a running total as of the day it came out; 'published' frees no one",
    ),
    Case(
        "period-a-huge-toll-on-a-day",
        "The military put Russian losses at 640,000 on Sept. 20.",
        "2024-09-22",
        [dict(category="casualties", value=640000, subject_side="RU", period="cumulative",
              date="2024-09-20")],
        note="no day loses 640,000 men: the day dates a running total",
    ),
    Case(
        "period-the-previous-days-toll",
        "Some 800,000 Russian troops have been killed or wounded since the invasion, according to Kyiv's "
        "military, which put the previous day's toll at about 1,500.",
        "2024-12-24",
        [
            dict(category="casualties", value=800000, subject_side="RU", period="cumulative"),
            dict(category="casualties", value=1500, subject_side="RU", period="window", qualifier="about"),
        ],
        note="'the toll at N' counts casualties, whatever verb ('sent', 'invaded') stands before it",
    ),
    Case(
        "period-the-enemy-is-down",
        "The enemy is down 310 people over the past day, and seven occupiers gave themselves up, the Tavria "
        "group said.",
        "2023-08-21",
        [
            dict(category="casualties", value=310, subject_side="RU", period="window"),
            dict(category="captured", value=7, subject_side="RU"),
        ],
        note="'is down N people' is a day's losses in a Ukrainian grouping's report",
    ),
    Case(
        "named-dead-who-fought-for-a-side",
        "At least 75,000 men who fought in Russia's armed forces have now been confirmed dead, BBC Russian "
        "said.",
        "2024-09-20",
        [dict(category="killed", value=75000, subject_side="RU", civilian=False, period="cumulative")],
        note="men who fought in a side's forces are that side's soldiers, not civilians",
    ),
]

# 4. When: the night before the report, a night given by the clock, the day a statement was made.
WHEN: list[Case] = [
    Case(
        "when-overnight-is-the-night-before",
        "Russian air defences intercepted and destroyed 120 Ukrainian drones overnight, the ministry said.",
        "2025-12-25",
        [
            dict(category="intercepted", equipment="uav", value=120, subject_side="UA", claimant_side="RU",
                 date="2025-12-25", date_start="2025-12-24"),
        ],
    ),
    Case(
        "when-a-night-by-the-clock",
        "Between 11 p.m. Moscow time on December 24 and 7 a.m. the next morning, air defences destroyed 58 "
        "Ukrainian drones, the Russian Defence Ministry said.",
        "2025-12-25",
        [
            dict(category="intercepted", equipment="uav", value=58, subject_side="UA", claimant=RU_MOD,
                 date="2025-12-25", date_start="2025-12-24", region=None),
        ],
        note="'7 a.m.' is no day of December, and 'Moscow time' is no place",
    ),
    Case(
        "when-the-statement-day-carries",
        "Ukraine's losses since the counteroffensive began on June 4 have passed 26,000 soldiers, Russia's "
        "defence minister told reporters on Tuesday.\n\n"
        "According to the minister, Russian forces also destroyed 21 aircraft and 1,200 armoured vehicles.",
        "2023-07-12",
        [
            dict(category="casualties", value=26000, subject_side="UA", claimant_side="RU",
                 period="cumulative", date="2023-07-11"),
            dict(category="equipment", equipment="aircraft", value=21, subject_side="UA", date="2023-07-11"),
            dict(category="equipment", equipment="armored_vehicle", value=1200, subject_side="UA",
                 date="2023-07-11"),
        ],
        note="the figures the minister gave on Tuesday are Tuesday's, though published on Wednesday",
    ),
]

# 5. Where: the paragraph's town, the article's town, front directions named after operational groups.
WHERE: list[Case] = [
    Case(
        "where-the-paragraphs-town",
        "Russian assault groups kept pushing into the eastern districts of Chasiv Yar on Saturday, the "
        "brigade's spokesman said. Since the morning alone they have had more than 40 killed and 70 wounded.",
        "2024-06-22",
        [
            dict(category="killed", value=40, subject_side="RU", place="Chasiv Yar", region="Donetsk Oblast"),
            dict(category="wounded", value=70, subject_side="RU", place="Chasiv Yar",
                 region="Donetsk Oblast"),
        ],
    ),
    Case(
        "where-the-articles-town",
        "Drones hit Kharkiv again overnight\n\n"
        "Russian drones struck two districts of Kharkiv before dawn, the mayor said.\n\n"
        "Four people were wounded and a kindergarten was damaged, regional officials added.",
        "2024-11-26",
        [
            dict(category="wounded", value=4, subject_side="UA", civilian=True, place="Kharkiv",
                 region="Kharkiv Oblast"),
        ],
        note="a local figure with no place of its own happened where the article says",
    ),
    Case(
        "where-an-operational-groups-direction",
        "Over the past day 22 Russian soldiers surrendered in the Tavria direction, the group's commander "
        "said.",
        "2023-10-04",
        [
            dict(category="captured", value=22, subject_side="RU", place="Tavria"),
        ],
    ),
    Case(
        "where-a-dateline-is-no-place",
        "KYIV, May 3 (Reuters) - Three Russian radar stations in occupied Crimea were destroyed in a "
        "Ukrainian drone strike, Ukraine's military intelligence said.",
        "2024-05-03",
        [dict(category="equipment", value=3, equipment="air_defense", subject_side="RU", claimant_side="UA",
              region="Crimea")],
        note="the dateline's city and agency are where the copy was filed, neither place nor actor",
    ),
    Case(
        "where-a-dateline-city-is-no-actor",
        "Kyiv, Feb 10 (AP) - At least 9 people were killed across Ukraine on Friday as Russia struck about "
        "40 sites with missiles, officials said.",
        "2023-02-10",
        [dict(category="killed", value=9, subject_side="UA", civilian=True, qualifier="at_least",
              date="2023-02-10")],
        note="'Kyiv' of the dateline is not the attacker; 'sites' struck are no loss",
    ),
]

# 6. What is not a soldier's loss: civilians a strike killed or wounded are their own side's civilians,
# never the attacker's losses.
CIVILIANS: list[Case] = [
    Case(
        "civilians-strike-on-a-ukrainian-city",
        "A Russian ballistic missile slammed into a shopping street in Dnipro on Monday, killing 14 people "
        "and wounding 40, the regional governor said.",
        "2024-11-26",
        [
            dict(category="killed", value=14, subject_side="UA", civilian=True, date="2024-11-25"),
            dict(category="wounded", value=40, subject_side="UA", civilian=True, date="2024-11-25"),
        ],
    ),
    Case(
        "civilians-single-victim-and-others-in-russia",
        "Outside Rylsk, a Ukrainian drone struck a minibus, killing a man and injuring three others, the "
        "Kursk regional governor said.",
        "2024-11-26",
        [
            dict(category="killed", value=1, subject_side="RU", civilian=True, region="Kursk Oblast"),
            dict(category="wounded", value=3, subject_side="RU", civilian=True, region="Kursk Oblast"),
        ],
        note="the place decides whose civilians they are, not the attacker named",
    ),
    Case(
        "civilians-residents-named",
        "Russian shelling of Nikopol killed two residents and injured five more overnight, local authorities "
        "reported.",
        "2024-11-26",
        [
            dict(category="killed", value=2, subject_side="UA", civilian=True, place="Nikopol"),
            dict(category="wounded", value=5, subject_side="UA", civilian=True, place="Nikopol"),
        ],
    ),
    Case(
        "civilians-children-among-wounded",
        "Seven children were among the 52 people hurt when a glide bomb hit an apartment block in Kharkiv.",
        "2024-11-26",
        [
            dict(category="wounded", value=52, subject_side="UA", civilian=True),
        ],
        note="the seven children are part of the 52, not a figure of their own",
    ),
    Case(
        "civilians-not-in-a-loss-tally",
        "Russia's losses over the past day amounted to 1,320 people, the General Staff said, as missile and "
        "drone attacks continued.",
        "2024-11-26",
        [
            dict(category="casualties", value=1320, subject_side="RU", civilian=False, claimant=GS),
        ],
        note="'people' in a tally of losses are soldiers, whatever the sentence says of strikes",
    ),
    Case(
        "civilians-town-seized-with-its-residents",
        "The town, which had about 30,000 residents before the war, was seized by Russian forces in May.",
        "2024-11-26",
        [],
        note="a town's population is no figure of victims",
    ),
    Case(
        "civilians-bare-dead-counted-by-prosecutors",
        "Regional prosecutors said Russian shelling of Kherson left two dead and five wounded on Saturday.",
        "2024-11-26",
        [
            dict(category="killed", value=2, subject_side="UA", civilian=True, date="2024-11-23"),
            dict(category="wounded", value=5, subject_side="UA", civilian=True, date="2024-11-23"),
        ],
        note="'dead' and 'wounded' with no people named are civilians when a civil authority counts them",
    ),
    Case(
        "civilians-one-victim-by-age",
        "The governor of Sumy Oblast said a 64-year-old woman died after a drone hit her house in Shostka. "
        "Two men, 45 and 61, were wounded.",
        "2024-11-26",
        [
            dict(category="killed", value=1, subject_side="UA", civilian=True, place="Shostka"),
            dict(category="wounded", value=2, subject_side="UA", civilian=True),
        ],
        note="a victim named by age is one; 'men' hurt in a strike report are civilians",
    ),
    Case(
        "civilians-front-line-town-is-no-battle",
        "Donetsk Oblast's governor said one person was wounded in Kostiantynivka, a front-line town.",
        "2024-11-26",
        [dict(category="wounded", value=1, subject_side="UA", civilian=True, place="Kostiantynivka")],
        note="'front-line' describes the town; it does not make the victim a soldier",
    ),
    Case(
        "civilians-rescued-alive-are-no-loss",
        "Rescuers pulled 12 people out alive from the rubble in Odesa; at least 20 were injured, the "
        "regional administration said.",
        "2024-03-03",
        [dict(category="wounded", value=20, subject_side="UA", civilian=True, qualifier="at_least")],
        note="the saved are no loss; a bare figure hurt, counted by a local authority, is civilians",
    ),
    Case(
        "civilians-the-number-of-people-killed-reached",
        "The number of people killed by the Russian missile that hit the Kramatorsk railway station climbed "
        "to 61 on Sunday.",
        "2022-04-10",
        [dict(category="killed", value=61, subject_side="UA", civilian=True, place="Kramatorsk")],
        note="'the number of people killed by X reached N' counts the people, not X",
    ),
    Case(
        "civilians-taken-to-hospital-and-cars-damaged",
        "A man aged 58 was taken to hospital with shrapnel wounds, and three cars were damaged, the governor "
        "of Belgorod Oblast said.",
        "2025-09-27",
        [dict(category="wounded", value=1, subject_side="RU", civilian=True, claimant_side="RU")],
        note="taken to hospital is wounded; people's cars damaged are no military loss",
    ),
    Case(
        "civilians-a-count-by-the-prosecutors",
        "A first count by the Prosecutor General's Office stood at 18 dead and 40 injured, with six children "
        "among the victims.",
        "2025-04-13",
        [
            dict(category="killed", value=18, subject_side="UA", civilian=True),
            dict(category="wounded", value=40, subject_side="UA", civilian=True),
            dict(category="casualties", value=6, subject_side="UA", civilian=True),
        ],
        note="'a count by' names who counts; children 'among the victims' are casualties",
    ),
    Case(
        "civilians-a-part-of-the-injured-is-no-new-figure",
        "Nine people were injured in the Odesa strike, the regional governor said. Three of the injured are "
        "in hospital. Among the dead was a boy of six.",
        "2024-01-01",
        [dict(category="wounded", value=9, subject_side="UA", civilian=True)],
        note="'three of the injured' and one 'among the dead' were counted already",
    ),
]

# 7. Figures missed: an air-defence report's part and whole, and the part stated by the whole.
AIR_RAIDS: list[Case] = [
    Case(
        "raid-part-noun-out-of-whole",
        "Ukraine's air defence units shot down 38 drones out of 51 launched by Russia overnight, the air "
        "force said.",
        "2024-11-26",
        [
            dict(category="intercepted", equipment="uav", value=38, subject_side="RU", claimant=UA_AIR_FORCE),
            dict(category="launched", equipment="uav", value=51, subject_side="RU", claimant=UA_AIR_FORCE),
        ],
        note="the drones were Russia's, whoever shot them down",
    ),
    Case(
        "raid-whole-first-part-later",
        "Of 72 attack drones Russia launched overnight, Ukraine's air force said 55 were destroyed.",
        "2024-11-26",
        [
            dict(category="launched", equipment="uav", value=72, subject_side="RU"),
            dict(category="intercepted", equipment="uav", value=55, subject_side="RU"),
        ],
    ),
    Case(
        "raid-part-of-the-whole-relative-clause",
        "The air force reported that six of the eight Shaheds Russia sent overnight were shot down.",
        "2024-11-26",
        [
            dict(category="intercepted", equipment="uav", value=6, subject_side="RU"),
            dict(category="launched", equipment="uav", value=8, subject_side="RU"),
        ],
        note="the nearer verb 'sent' is the whole's; the part was shot down",
    ),
    Case(
        "raid-all-but-and-both",
        "Russia sent 40 attack drones and three missiles into Ukraine overnight, and all but four of the "
        "drones were destroyed along with both missiles, the air force said.",
        "2024-11-26",
        [
            dict(category="launched", equipment="uav", value=40, subject_side="RU"),
            dict(category="launched", equipment="missile", value=3, subject_side="RU"),
            dict(category="intercepted", equipment="uav", value=36, subject_side="RU"),
            dict(category="intercepted", equipment="missile", value=3, subject_side="RU"),
        ],
        note="'all but four' of 40 is 36 brought down; 'both missiles' is all of them",
    ),
    Case(
        "raid-same-number-two-weapons",
        "In a Telegram post, the Ukrainian air force said it had managed to down seven of the drones and "
        "seven of the missiles.",
        "2024-11-26",
        [
            dict(category="intercepted", equipment="uav", value=7, subject_side="RU", claimant=UA_AIR_FORCE),
            dict(category="intercepted", equipment="missile", value=7, subject_side="RU",
                 claimant=UA_AIR_FORCE),
        ],
    ),
    Case(
        "raid-every-one-brought-down",
        "Radar crews tracked seven Shaheds over the Poltava region during the night, the general said, and "
        "every one was brought down.",
        "2024-11-26",
        [
            dict(category="launched", equipment="uav", value=7, subject_side="RU"),
            dict(category="intercepted", equipment="uav", value=7, subject_side="RU"),
        ],
    ),
    Case(
        "raid-sent-is-launched",
        "Russian forces sent 95 drones against Ukraine overnight, Ukrainian officials said Thursday.",
        "2024-11-22",
        [
            dict(category="launched", equipment="uav", value=95, subject_side="RU", claimant_side="UA"),
        ],
    ),
    Case(
        "raid-n-of-which-were-shot-down",
        "Moscow launched 45 cruise missiles, 37 of which were shot down, Ukraine's air force said.",
        "2023-01-17",
        [
            dict(category="launched", value=45, equipment="missile", subject_side="RU", claimant_side="UA"),
            dict(category="intercepted", value=37, equipment="missile", subject_side="RU",
                 claimant_side="UA"),
        ],
        note="'N of which were shot down' is the part of the whole before it",
    ),
    Case(
        "raid-destroyed-over-regions-is-intercepted",
        "Twelve Ukrainian drones were destroyed over the Belgorod region and three over the Black Sea, the "
        "Russian Defence Ministry said.",
        "2024-11-26",
        [
            dict(category="intercepted", value=12, equipment="uav", subject_side="UA", claimant=RU_MOD),
            dict(category="intercepted", value=3, equipment="uav", subject_side="UA", claimant=RU_MOD),
        ],
        note="drones 'destroyed over' a region were shot down; 'and three over' counts drones too",
    ),
]

# 7. Figures missed: ranges that share a magnitude, lists whose items carry their own nouns.
MISSED_FIGURES: list[Case] = [
    Case(
        "figures-shared-magnitude-range",
        "The Russians have probably taken 60 or 70,000 casualties in under six months, a Pentagon official "
        "said.",
        "2022-08-12",
        [
            dict(category="casualties", value=60000, value_max=70000, subject_side="RU",
                 claimant_side="other", period="cumulative"),
        ],
        note="'60 or 70,000' is sixty to seventy thousand; taking casualties is suffering them",
    ),
    Case(
        "figures-range-from-with-spaced-thousands",
        "Counting the missing, the real number of Russian dead could range from 150 000 to 210 000, the two "
        "outlets estimated.",
        "2025-02-21",
        [
            dict(category="killed", value=150000, value_max=210000, subject_side="RU", period="cumulative"),
        ],
    ),
    Case(
        "figures-hundreds-spelled-out",
        "Lawmakers were told some 250 North Korean soldiers had been killed and roughly 24-hundred wounded.",
        "2025-01-13",
        [
            dict(category="killed", value=250, subject_side="KP", qualifier="about"),
            dict(category="wounded", value=2400, subject_side="KP", qualifier="about"),
        ],
    ),
    Case(
        "figures-list-after-losses-amounted-to",
        "Total Russian losses in the sector over the last day amounted to 410 men (killed and wounded), 2 "
        "tanks, 6 armored combat vehicles and 8 vehicles.",
        "2024-03-04",
        [
            dict(category="casualties", value=410, subject_side="RU"),
            dict(category="equipment", equipment="tank", value=2, subject_side="RU"),
            dict(category="equipment", equipment="armored_vehicle", value=6, subject_side="RU"),
            dict(category="equipment", equipment="vehicle", value=8, subject_side="RU"),
        ],
        note="the side of 'Russian losses' governs every item after 'amounted to'",
    ),
    Case(
        "figures-single-machines-in-a-loss-list",
        "The losses of the Ukrainian armed forces amounted to up to 460 servicemen, a tank and an armored "
        "personnel carrier, the ministry said.",
        "2025-10-21",
        [
            dict(category="casualties", value=460, subject_side="UA", qualifier="up_to", claimant_side="RU"),
            dict(category="equipment", equipment="tank", value=1, subject_side="UA", claimant_side="RU"),
            dict(category="equipment", equipment="armored_vehicle", value=1, subject_side="UA",
                 claimant_side="RU"),
        ],
        note="a ministry that counts Ukraine's losses is the other side's",
    ),
    Case(
        "figures-suffered-by",
        "That figure includes 810 casualties suffered by Russian forces over the past day.",
        "2024-03-28",
        [
            dict(category="casualties", value=810, subject_side="RU", period="window"),
        ],
    ),
    Case(
        "figures-servicepeople",
        "The enemy lost more than 9,100 servicepeople in the border areas, Moscow said.",
        "2024-09-03",
        [
            dict(category="casualties", value=9100, subject_side="UA", qualifier="at_least",
                 claimant_side="RU"),
        ],
    ),
]

# 6. What is not a claim of loss: earlier wars, what did not happen, a speaker counted as "one".
NOT_LOSSES: list[Case] = [
    Case(
        "not-a-claim-earlier-war",
        "By comparison, the Soviet Union lost about 15,000 troops in Afghanistan in ten years of fighting.",
        "2023-06-02",
        [],
    ),
    Case(
        "not-a-claim-earlier-war-beside-this-one",
        "Russia has now lost more troops in Ukraine than the Soviet Union did in Afghanistan, with 50,000 "
        "dead, the BBC said.",
        "2024-04-17",
        [
            dict(category="killed", value=50000, subject_side="RU", claimant_side="other",
                 period="cumulative"),
        ],
        note="this war's figure stands beside the comparison",
    ),
    Case(
        "not-a-claim-not-downed",
        "It was not clear what happened to the three drones that were not downed.",
        "2023-08-19",
        [],
    ),
    Case(
        "not-a-claim-one-of-them-said",
        "Two U.S. officials described the estimate, and one of them said it was the highest yet.",
        "2024-10-10",
        [],
    ),
    Case(
        "not-a-claim-every-one-of-those-deaths",
        "Every one of those deaths is a loss for the whole country, the president said.",
        "2024-02-25",
        [],
    ),
    Case(
        "not-a-loss-a-ratio",
        "Russia is losing at least five soldiers for every Ukrainian one, Zelensky said.",
        "2024-02-29",
        [],
        note="'N for every one' is a ratio, not a count",
    ),
]

# 7. Figures missed: the killed and wounded within a count of casualties.
BREAKDOWNS: list[Case] = [
    Case(
        "breakdown-of-those-casualties-deaths",
        "Some 25,000 of those casualties are thought to be deaths, according to two other U.S. officials.",
        "2022-08-12",
        [
            dict(category="killed", value=25000, subject_side="RU", qualifier="about", claimant_side="other"),
        ],
        note="'two other officials' is no figure: 'other' there qualifies a noun",
    ),
    Case(
        "breakdown-of-whom-killed-and-wounded",
        "For Ukraine, the same slide shows 120,000 to 130,000 casualties, of whom 16,000 to 17,000 were "
        "killed and 104,000 to 113,000 wounded.",
        "2023-04-11",
        [
            dict(category="casualties", value=120000, value_max=130000, subject_side="UA"),
            dict(category="killed", value=16000, value_max=17000, subject_side="UA"),
            dict(category="wounded", value=104000, value_max=113000, subject_side="UA"),
        ],
    ),
    Case(
        "breakdown-of-them-may-have-died",
        "Russian dead and wounded now number close to 900,000, and up to 240,000 of them may have died, the "
        "think tank said.",
        "2025-06-04",
        [
            dict(category="casualties", value=900000, subject_side="RU", qualifier="about",
                 period="cumulative"),
            dict(category="killed", value=240000, subject_side="RU", qualifier="up_to", period="cumulative"),
        ],
    ),
    Case(
        "breakdown-a-slide-gives-casualties",
        "One slide gives Russia between 180,000 and 220,000 total casualties.",
        "2023-04-11",
        [
            dict(category="casualties", value=180000, value_max=220000, subject_side="RU"),
        ],
        note="a document 'gives' a figure; it delivers nothing",
    ),
    Case(
        "breakdown-takes-the-side-of-the-toll-before",
        "About 4,000 North Korean soldiers have been killed or wounded in Kursk, a lawmaker said after the "
        "briefing. According to Park, the agency splits the toll into 400 dead and 3,600 wounded.",
        "2025-01-13",
        [
            dict(category="casualties", value=4000, subject_side="KP"),
            dict(category="killed", value=400, subject_side="KP"),
            dict(category="wounded", value=3600, subject_side="KP"),
        ],
        note="a sentence with no side and no claimant's side goes on about the toll just before it",
    ),
    Case(
        "soldiers-sent-then-killed",
        "Some 1,000 North Korean soldiers sent to the Kursk front have been killed, the NIS said.",
        "2025-01-13",
        [dict(category="killed", value=1000, subject_side="KP", claimant_side="other")],
        note="'sent' describes the soldiers; the finite verb after it says what happened to them",
    ),
    Case(
        "estimate-of-n-counts-what-the-claim-before-counted",
        "North Korean casualties in Kursk have passed 3,000, Zelensky said. Hours earlier, South Korea's "
        "Joint Chiefs of Staff had given a lower estimate of around 1,100.",
        "2024-12-24",
        [
            dict(category="casualties", value=3000, subject_side="KP", claimant_side="UA"),
            dict(category="casualties", value=1100, subject_side="KP", qualifier="about"),
        ],
        note="'an estimate of N' with no noun of its own is an estimate of the figure before",
    ),
    Case(
        "appositive-loss-noun-keeps-the-side-before-it",
        "Russian losses near Pokrovsk, dead and wounded together, have passed 2,500 this month, the brigade "
        "said.",
        "2024-11-26",
        [dict(category="casualties", value=2500, subject_side="RU")],
        note="a loss noun set off by commas restates the one before it, whose side is named",
    ),
]

# 2 and 7 again: lists of hardware as live blogs and press services print them.
HARDWARE_LISTS: list[Case] = [
    Case(
        "hardware-figure-first-lines-under-a-header",
        "Ukraine's General Staff said Russian personnel losses now stand at 781,000. Of that total, 1,500 "
        "were "
        "lost in the last 24 hours.\n\n"
        "According to the report, Russia has also lost:\n\n"
        "9,600 tanks\n"
        "369 airplanes\n"
        "28 ships and boats\n"
        "one submarine",
        "2024-12-26",
        [
            dict(category="casualties", value=781000, subject_side="RU", period="cumulative", claimant=GS),
            dict(category="casualties", value=1500, subject_side="RU", period="window", claimant=GS),
            dict(category="equipment", equipment="tank", value=9600, subject_side="RU", region=None),
            dict(category="equipment", equipment="aircraft", value=369, subject_side="RU", region=None),
            dict(category="equipment", equipment="ship", value=28, subject_side="RU", region=None),
            dict(category="equipment", equipment="submarine", value=1, subject_side="RU", region=None),
        ],
        note="'Of that total' is a part of the figure before, counted over its own day",
    ),
    Case(
        "hardware-tally-of-one-sides-hardware",
        "Kyiv's latest tally of Russian hardware destroyed in Ukraine stands at 6,900 tanks, 13,200 armoured "
        "vehicles and 11,000 artillery systems, Ukrinform reported.",
        "2024-03-30",
        [
            dict(category="equipment", equipment="tank", value=6900, subject_side="RU", region=None),
            dict(category="equipment", equipment="armored_vehicle", value=13200, subject_side="RU"),
            dict(category="equipment", equipment="artillery", value=11000, subject_side="RU"),
        ],
        note="'Kyiv's tally' names who counts, not where",
    ),
    Case(
        "hardware-out-of-action-after-a-dash",
        "Our soldiers put 17 pieces of Russian hardware out of action — 3 tanks, 2 APCs and 12 vehicles — "
        "the "
        "spokesman wrote.",
        "2023-08-21",
        [
            dict(category="equipment", equipment="other", value=17, subject_side="RU"),
            dict(category="equipment", equipment="tank", value=3, subject_side="RU"),
            dict(category="equipment", equipment="armored_vehicle", value=2, subject_side="RU"),
            dict(category="equipment", equipment="vehicle", value=12, subject_side="RU"),
        ],
    ),
    Case(
        "hardware-hit-the-grid-with-missiles",
        "Russia hit the energy grid with more than 70 missiles and 100 Shahed drones on Christmas morning, "
        "the "
        "president said.",
        "2024-12-26",
        [
            dict(category="launched", equipment="missile", value=70, subject_side="RU", qualifier="at_least"),
            dict(category="launched", equipment="uav", value=100, subject_side="RU"),
        ],
    ),
    Case(
        "tally-counts-totals-with-the-days-additions",
        "The tally also counts 7,400 tanks (+15) and 14,200 armoured combat vehicles (+31), Ukraine's "
        "General Staff said.",
        "2024-05-06",
        [
            dict(category="equipment", equipment="tank", value=7400, subject_side="RU", period="cumulative",
                 claimant=GS),
            dict(category="equipment", equipment="tank", value=15, subject_side="RU", period="window"),
            dict(category="equipment", equipment="armored_vehicle", value=14200, subject_side="RU",
                 period="cumulative"),
            dict(category="equipment", equipment="armored_vehicle", value=31, subject_side="RU",
                 period="window"),
        ],
        note="'N tanks (+M)' is a running total and the day's addition; 'the tally counts' names no speaker",
    ),
    Case(
        "tally-includes-hardware",
        "Since February 2022 the General Staff has counted 7,410 tanks and 1,060 rocket launchers.",
        "2024-05-07",
        [
            dict(category="equipment", equipment="tank", value=7410, subject_side="RU", period="cumulative"),
            dict(category="equipment", equipment="mlrs", value=1060, subject_side="RU", period="cumulative"),
        ],
        note="a tally that 'has counted' machines counts them lost",
    ),
]

# The second round: cases written by a reader who saw only SCHEMA.md and real reporting of each kind,
# never the engine's output, one table a class as above. Those the engine does not yet read are listed in
# the note, not here.
KHORTYTSIA = "Khortytsia Operational-Strategic Group"
BELGOROD = "Belgorod Oblast"
ZAPORIZHZHIA = "Zaporizhzhia Oblast"
# 1. Who speaks: surnames after a first mention, "Kyiv says", relays, media and monitors, quotes.
WHO_SPEAKS_2: list[Case] = [
    Case(
        "who2-relay-the-ministry-told-tass",
        "The Russian Defence Ministry told TASS on Sunday that air defences had destroyed 17 Ukrainian "
        "drones over the Bryansk region during the day. Six more were brought down over the Kursk region, "
        "the agency quoted the ministry as saying.",
        "2024-11-26",
        [
            dict(category="intercepted", equipment="uav", value=17, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", region="Bryansk Oblast", date="2024-11-24"),
            dict(category="intercepted", equipment="uav", value=6, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", region=KURSK),
        ],
        note="the agency that relays a figure is not its claimant: the ministry is",
    ),
]

# 2. Whose losses across a list: one side word governs every item; "the enemy" is the speaker's opponent.
LIST_SIDE_2: list[Case] = [
    Case(
        "list2-russias-losses-one-sentence",
        "Russia's losses over the past day came to 1,140 personnel, 7 tanks, 19 armoured combat vehicles, "
        "36 artillery systems and 2 multiple rocket launchers, according to Ukraine's General Staff. The "
        "figures could not be independently verified.",
        "2024-11-26",
        [
            dict(category="casualties", value=1140, subject_side="RU", claimant=GS, period="window"),
            dict(category="equipment", equipment="tank", value=7, subject_side="RU", claimant=GS,
                 period="window"),
            dict(category="equipment", equipment="armored_vehicle", value=19, subject_side="RU", claimant=GS,
                 period="window"),
            dict(category="equipment", equipment="artillery", value=36, subject_side="RU", claimant=GS,
                 period="window"),
            dict(category="equipment", equipment="mlrs", value=2, subject_side="RU", claimant=GS,
                 period="window"),
        ],
        note="'Russia's losses' governs all five items",
    ),
    Case(
        "list2-the-enemy-in-the-russian-ministrys-voice",
        "Battlegroup Vostok units repelled three counterattacks in the South Donetsk direction, the "
        "Russian Defence Ministry said. The enemy lost up to 125 servicemen, two armoured fighting "
        "vehicles, a US-made M777 howitzer and an electronic warfare station.",
        "2024-11-26",
        [
            dict(category="casualties", value=125, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Vostok", place="South Donetsk", region=DONETSK),
            dict(category="equipment", equipment="armored_vehicle", value=2, subject_side="UA",
                 claimant=RU_MOD, unit="Battlegroup Vostok", place="South Donetsk"),
            dict(category="equipment", equipment="artillery", value=1, subject_side="UA", claimant=RU_MOD,
                 unit="Battlegroup Vostok", place="South Donetsk"),
            dict(category="equipment", equipment=["special_equipment", "other"], value=1, subject_side="UA",
                 claimant=RU_MOD, unit="Battlegroup Vostok", place="South Donetsk"),
        ],
        note="in Moscow's voice the enemy is Ukraine, whoever made the howitzer",
    ),
    Case(
        "list2-ukrainian-losses-amounted-to-kursk",
        "Over the past 24 hours, Ukrainian losses in the Kursk direction amounted to more than 300 "
        "servicemen, a tank, eight armoured fighting vehicles and nine cars, Russia's defence ministry "
        "reported on Telegram.",
        "2024-11-26",
        [
            dict(category="casualties", value=300, subject_side="UA", qualifier="at_least", claimant=RU_MOD,
                 claimant_side="RU", period="window", region=KURSK),
            dict(category="equipment", equipment="tank", value=1, subject_side="UA", claimant=RU_MOD,
                 period="window", region=KURSK),
            dict(category="equipment", equipment="armored_vehicle", value=8, subject_side="UA",
                 claimant=RU_MOD, period="window", region=KURSK),
            dict(category="equipment", equipment="vehicle", value=9, subject_side="UA", claimant=RU_MOD,
                 period="window", region=KURSK),
        ],
        note="'more than' qualifies the servicemen only",
    ),
    Case(
        "list2-the-enemy-in-the-ukrainian-navys-voice",
        "The enemy lost a patrol boat, two landing craft and 14 servicemen in the strike near Cape "
        "Tarkhankut, Ukraine's Navy said on Thursday.",
        "2024-11-26",
        [
            dict(category="equipment", equipment="ship", value=1, subject_side="RU",
                 claimant="Ukrainian Navy", claimant_side="UA", place="Cape Tarkhankut", region="Crimea",
                 date="2024-11-21"),
            dict(category="equipment", equipment="ship", value=2, subject_side="RU",
                 claimant="Ukrainian Navy", place="Cape Tarkhankut", region="Crimea", date="2024-11-21"),
            dict(category="casualties", value=14, subject_side="RU", claimant="Ukrainian Navy",
                 place="Cape Tarkhankut", region="Crimea", date="2024-11-21"),
        ],
        note="in Kyiv's voice the enemy is Russia; men listed after hardware keep the same side",
    ),
]

# 3. A running total without "since", or a window beside a total.
PERIODS_2: list[Case] = [
    Case(
        "period2-killed-in-the-war-is-a-running-total",
        "More than 46,000 Ukrainian soldiers have been killed in the war, Zelensky told NBC in an "
        "interview aired on Sunday. Some 380,000 have been wounded, he said, and tens of thousands are "
        "missing or held prisoner.",
        "2025-02-17",
        [
            dict(category="killed", value=46000, subject_side="UA", qualifier="at_least", claimant=ZELENSKY,
                 claimant_side="UA", period="cumulative", date="2025-02-16"),
            dict(category="wounded", value=380000, subject_side="UA", qualifier="about", claimant=ZELENSKY,
                 claimant_side="UA", period="cumulative", date="2025-02-16"),
        ],
        note="'in the war' spans the whole war; 'tens of thousands' is no figure",
    ),
    Case(
        "period2-russia-has-lost-n-troops",
        "Russia has lost 600,000 troops, Ukraine's Defence Ministry said on Sunday, marking what it called "
        "a grim milestone for the Kremlin. The count includes the wounded.",
        "2024-08-26",
        [
            dict(category="casualties", value=600000, subject_side="RU", claimant=UA_MOD, claimant_side="UA",
                 period="cumulative", date="2024-08-25"),
        ],
        note="'has lost' with no span and a war-sized figure is the running total",
    ),
    Case(
        "period2-so-far-and-a-part-in-the-past-week",
        "So far 15 Russian Ka-52 attack helicopters have been brought down over the southern front, the "
        "Tavria group said, three of them in the past week.",
        "2023-07-28",
        [
            dict(category=["equipment", "intercepted"], equipment="helicopter", value=15, subject_side="RU",
                 claimant="Tavria Operational-Strategic Group", claimant_side="UA", period="cumulative"),
            dict(category=["equipment", "intercepted"], equipment="helicopter", value=3, subject_side="RU",
                 claimant="Tavria Operational-Strategic Group", period="window"),
        ],
        note="'so far' is a running total, its part 'in the past week' a window; Ka-52 is a model",
    ),
    Case(
        "period2-daily-figures-beside-overall-tallies",
        "Russian forces lost 1,520 personnel over the past day, bringing their overall losses to 760,610, "
        "the General Staff said. In the same 24 hours Ukrainian units destroyed 11 tanks, which took the "
        "tally to 9,580.",
        "2024-12-21",
        [
            dict(category="casualties", value=1520, subject_side="RU", claimant=GS, period="window",
                 date=["2024-12-20", "2024-12-21"]),
            dict(category="casualties", value=760610, subject_side="RU", claimant=GS, period="cumulative"),
            dict(category="equipment", equipment="tank", value=11, subject_side="RU", claimant=GS,
                 period="window", date=["2024-12-20", "2024-12-21"]),
            dict(category="equipment", equipment="tank", value=9580, subject_side="RU", claimant=GS,
                 period="cumulative"),
        ],
        note="'overall losses' and 'the tally' are running totals even without 'since'",
    ),
    Case(
        "period2-war-dead-now-number",
        "Russia's war dead now number around 250,000, British defence intelligence estimated on Thursday, "
        "out of some 950,000 killed and wounded in all.",
        "2025-06-13",
        [
            dict(category="killed", value=250000, subject_side="RU", qualifier="about", claimant=UK_DI,
                 claimant_side="other", period="cumulative", date="2025-06-12"),
            dict(category="casualties", value=950000, subject_side="RU", qualifier="about", claimant=UK_DI,
                 claimant_side="other", period="cumulative", date="2025-06-12"),
        ],
        note="'now number' and 'in all' are running totals",
    ),
]

# 4. When: a statement's day, the night before a report, "as of" a day, a report published days later.
WHEN_2: list[Case] = [
    Case(
        "when2-said-on-tuesday-over-the-past-day",
        "Ukraine's armed forces lost up to 1,350 servicemen across the front over the past day, the "
        "Russian Defence Ministry said on Tuesday. Kyiv does not comment on its own losses.",
        "2024-11-27",
        [
            dict(category="casualties", value=1350, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", period="window", date=["2024-11-25", "2024-11-26"]),
        ],
        note="the past day of a statement made on Tuesday is Monday to Tuesday, not the publication day",
    ),
    Case(
        "when2-as-of-a-morning-since-the-new-year",
        "As of the morning of March 3, Russian forces had lost 80 tanks in the Kupiansk direction since "
        "the start of the year, the Khortytsia group reported.",
        "2025-03-04",
        [
            dict(category="equipment", equipment="tank", value=80, subject_side="RU", claimant=KHORTYTSIA,
                 claimant_side="UA", period="window", date_start="2025-01-01", date="2025-03-03",
                 place="Kupiansk", region=KHARKIV),
        ],
        note="'since the start of the year' is a window from January 1 to the as-of day",
    ),
    Case(
        "when2-statement-reported-days-later",
        "Russian Defence Minister Sergei Shoigu said on Tuesday that Ukraine had lost 3,715 soldiers, 52 "
        "tanks and 207 armoured vehicles in three days of attacks in the south. The ministry had not "
        "updated those figures by Friday.",
        "2023-06-09",
        [
            dict(category="casualties", value=3715, subject_side="UA", claimant=RU_MOD, claimant_side="RU",
                 period="window", date="2023-06-06"),
            dict(category="equipment", equipment="tank", value=52, subject_side="UA", claimant=RU_MOD,
                 period="window", date="2023-06-06"),
            dict(category="equipment", equipment="armored_vehicle", value=207, subject_side="UA",
                 claimant=RU_MOD, period="window", date="2023-06-06"),
        ],
        note="figures given on Tuesday stay Tuesday's; Friday is when the article ran",
    ),
    Case(
        "when2-wire-dateline-a-day-before-publication",
        "MOSCOW, Feb 18 (Reuters) - Russia's defence ministry said on Tuesday its troops had taken 14 "
        "Ukrainian soldiers prisoner in the Kursk region over the past week. Kyiv did not immediately "
        "respond to a request for comment.",
        "2025-02-19",
        [
            dict(category="captured", value=14, subject_side="UA", claimant=RU_MOD, claimant_side="RU",
                 period="window", date="2025-02-18", region=KURSK),
        ],
        note="the dateline and the weekday agree on the 18th, the day before publication",
    ),
]

# 5. Where: directions, "near", "off the coast of", "in the area of", a place with its oblast after it.
WHERE_2: list[Case] = [
    Case(
        "where2-near-a-village-with-its-oblast-after",
        "Near Velyka Novosilka, Donetsk Oblast, crews of the 110th Mechanized Brigade destroyed two "
        "Russian tanks and a BMP-3 on Wednesday, the brigade said in a video post.",
        "2024-11-26",
        [
            dict(category="equipment", equipment="tank", value=2, subject_side="RU", claimant_side="UA",
                 unit="110th Separate Mechanized Brigade", place="Velyka Novosilka", region=DONETSK,
                 date="2024-11-20"),
            dict(category="equipment", equipment="armored_vehicle", value=1, subject_side="RU",
                 unit="110th Separate Mechanized Brigade", place="Velyka Novosilka", region=DONETSK,
                 date="2024-11-20"),
        ],
        note="the oblast after the village is its region; the 3 of BMP-3 is a model",
    ),
    Case(
        "where2-off-the-coast-of",
        "Ukrainian sea drones sank the Russian landing ship Tsezar Kunikov off the coast of Alupka, "
        "Crimea, early on Wednesday, Ukraine's military intelligence said. Video released by the agency "
        "showed the vessel listing before it went under.",
        "2024-02-14",
        [
            dict(category="equipment", equipment="ship", value=1, subject_side="RU", claimant=HUR,
                 claimant_side="UA", place="Alupka", region="Crimea", date="2024-02-14"),
        ],
        note="a ship sunk off a coast is placed at the coast's town",
    ),
    Case(
        "where2-in-the-area-of",
        "In the area of Novoprokopivka, Battlegroup Dnepr units destroyed a German-made Leopard tank and "
        "up to 30 Ukrainian servicemen, the Russian Defence Ministry said. The claim could not be verified.",
        "2024-11-26",
        [
            dict(category="equipment", equipment="tank", value=1, subject_side="UA", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Dnepr", place="Novoprokopivka", region=ZAPORIZHZHIA),
            dict(category="casualties", value=30, subject_side="UA", qualifier="up_to", claimant=RU_MOD,
                 claimant_side="RU", unit="Battlegroup Dnepr", place="Novoprokopivka", region=ZAPORIZHZHIA),
        ],
        note="'in the area of' places the claim; the tank was Ukraine's, whoever built it",
    ),
    Case(
        "where2-airbase-in-a-russian-region",
        "Ukrainian missiles destroyed two Su-34 bombers at the Marinovka airbase in Russia's Volgograd "
        "region, the General Staff said on Friday. Satellite images released later showed scorch marks on "
        "the apron.",
        "2024-11-26",
        [
            dict(category="equipment", equipment="aircraft", value=2, subject_side="RU", claimant=GS,
                 claimant_side="UA", place="Marinovka", region="Volgograd Oblast", date="2024-11-22"),
        ],
        note="an airbase deep in Russia is the place; 34 is a model number",
    ),
    Case(
        "where2-a-town-direction-and-its-spokesman",
        "In the Kurakhove direction the occupiers lost 187 men killed and wounded over the day, Khortytsia "
        "spokesman Viktor Trehubov said. Most of the assaults were made by small infantry groups on "
        "motorcycles.",
        "2024-11-26",
        [
            dict(category="casualties", value=187, subject_side="RU", claimant=KHORTYTSIA,
                 claimant_side="UA", period="window", place="Kurakhove", region=DONETSK),
        ],
    ),
]

# 6. Not a loss: earlier wars, what was not shot down, deployments, prisoners held, pledges.
NOT_LOSSES_2: list[Case] = [
    Case(
        "not2-gallipoli-comparison",
        "Military historians have likened the river crossings near Krynky to Gallipoli, where the Allied "
        "armies suffered some 250,000 casualties in 1915. Neither side has published figures for the "
        "crossings.",
        "2023-12-05",
        [],
        note="a figure of an earlier war is no claim about this one",
    ),
    Case(
        "not2-second-world-war-dead",
        "No war since World War II has cost Moscow so many soldiers; the Soviet Union lost roughly 8.7 "
        "million servicemen between 1941 and 1945.",
        "2024-02-24",
        [],
    ),
    Case(
        "not2-troops-sent-are-not-troops-lost",
        "Pyongyang has sent some 11,000 soldiers to fight for Russia, South Korea's spy agency said on "
        "Wednesday, and at least 100 of them have been killed.",
        "2024-12-19",
        [
            dict(category="deployed", value=11000, subject_side="KP", qualifier="about", claimant=NIS,
                 claimant_side="other", date="2024-12-18"),
            dict(category="killed", value=100, subject_side="KP", qualifier="at_least", claimant=NIS,
                 claimant_side="other", date="2024-12-18"),
        ],
        note="the troops sent are a deployment; only the dead are a loss",
    ),
    Case(
        "not2-prisoners-held-are-no-days-capture",
        "About 8,000 Ukrainian servicemen are now held in Russian captivity, the Coordination Headquarters "
        "said on Monday as it prepared for the next exchange.",
        "2024-11-26",
        [],
        note="men held today are no figure of men taken prisoner, on that day or any other",
    ),
    Case(
        "not2-pledged-tanks-and-jets",
        "Germany pledged 25 more Leopard 1 tanks and 40 Marder fighting vehicles on Thursday, and the "
        "Netherlands promised 18 F-16 jets by the end of the year. Kyiv said the aircraft would be used to "
        "hunt Russian drones.",
        "2023-08-25",
        [],
        note="a pledge of weapons is aid, not a loss; the 1 of Leopard 1 is a model",
    ),
]

# 7. Civilians: strikes on Ukrainian cities and on Russian border regions; governors' tallies.
CIVILIANS_2: list[Case] = [
    Case(
        "civ2-glide-bomb-on-kharkiv-girl-among-the-dead",
        "A Russian glide bomb hit a nine-storey apartment block in Kharkiv on Sunday afternoon, killing "
        "three people and injuring 27, Oleh Syniehubov said. A 14-year-old girl was among the dead.",
        "2024-11-26",
        [
            dict(category="killed", value=3, subject_side="UA", civilian=True,
                 claimant="Kharkiv Regional Military Administration", claimant_side="UA", place="Kharkiv",
                 region=KHARKIV, date="2024-11-24"),
            dict(category="wounded", value=27, subject_side="UA", civilian=True,
                 claimant="Kharkiv Regional Military Administration", place="Kharkiv", region=KHARKIV,
                 date="2024-11-24"),
        ],
        note="the girl is one of the three; nine storeys and fourteen years are no figures",
    ),
    Case(
        "civ2-belgorod-governor-woman-and-two-men",
        "Ukrainian shelling of Glotovo in the Belgorod region wounded a 70-year-old woman, Governor "
        "Vyacheslav Gladkov said on Wednesday. In a separate attack, two men, 41 and 63, were injured when "
        "a drone hit their car outside Shebekino.",
        "2024-11-28",
        [
            dict(category="wounded", value=1, subject_side="RU", civilian=True,
                 claimant="Governor of Belgorod Oblast", claimant_side="RU", place="Glotovo",
                 region=BELGOROD, date="2024-11-27"),
            dict(category="wounded", value=2, subject_side="RU", civilian=True,
                 claimant="Governor of Belgorod Oblast", claimant_side="RU", place="Shebekino",
                 region=BELGOROD),
        ],
        note="Russian residents hurt by Ukrainian fire are Russia's civilians; ages are no counts",
    ),
    Case(
        "civ2-kursk-governors-daily-tally",
        "Over the past day Ukrainian strikes killed one civilian and wounded four others across the Kursk "
        "region, acting governor Alexander Khinshtein wrote on Telegram. A 12-year-old boy in Rylsk was "
        "among the injured.",
        "2025-01-10",
        [
            dict(category="killed", value=1, subject_side="RU", civilian=True,
                 claimant="Governor of Kursk Oblast", claimant_side="RU", period="window", region=KURSK,
                 place=None),
            dict(category="wounded", value=4, subject_side="RU", civilian=True,
                 claimant="Governor of Kursk Oblast", claimant_side="RU", period="window", region=KURSK,
                 place=None),
        ],
        note="a region-wide tally takes no town from the one victim placed in Rylsk",
    ),
    Case(
        "civ2-missiles-on-zaporizhzhia",
        "Russian missiles struck an industrial area of Zaporizhzhia on Thursday morning, killing two "
        "people and wounding 11, regional governor Ivan Fedorov said.",
        "2024-11-26",
        [
            dict(category="killed", value=2, subject_side="UA", civilian=True,
                 claimant="Zaporizhzhia Regional Military Administration", claimant_side="UA",
                 place="Zaporizhzhia", region=ZAPORIZHZHIA, date="2024-11-21"),
            dict(category="wounded", value=11, subject_side="UA", civilian=True,
                 claimant="Zaporizhzhia Regional Military Administration", place="Zaporizhzhia",
                 region=ZAPORIZHZHIA, date="2024-11-21"),
        ],
    ),
    Case(
        "civ2-kyiv-two-residents-with-ages",
        "Falling debris set a house in Kyiv's Obolon district on fire during the overnight attack, and two "
        "residents, a woman of 58 and her 31-year-old son, were hurt, Tymur Tkachenko said.",
        "2024-11-26",
        [
            dict(category="wounded", value=2, subject_side="UA", civilian=True,
                 claimant="Kyiv City Military Administration", claimant_side="UA", region="Kyiv"),
        ],
        note="the count is two; the ages in apposition describe them",
    ),
]

# 8. Figures: shared-magnitude ranges, part of a whole, dead and injured, own nouns, same numbers, KP.
FIGURES_2: list[Case] = [
    Case(
        "fig2-shared-magnitude-70-or-80-thousand",
        "Russia probably took 70 or 80,000 casualties around Avdiivka before the town fell, British "
        "defence intelligence said. Moscow has never published a figure of its own.",
        "2024-02-27",
        [
            dict(category="casualties", value=70000, value_max=80000, subject_side="RU", claimant=UK_DI,
                 claimant_side="other", place="Avdiivka", region=DONETSK),
        ],
        note="'70 or 80,000' is seventy to eighty thousand",
    ),
    Case(
        "fig2-two-or-three-hundred",
        "Two or three hundred Russian troops died in the failed assault on Chasiv Yar, the brigade's "
        "commander estimated, and a further 500 were wounded.",
        "2024-04-12",
        [
            dict(category="killed", value=200, value_max=300, subject_side="RU", place="Chasiv Yar",
                 region=DONETSK),
            dict(category="wounded", value=500, subject_side="RU", place="Chasiv Yar", region=DONETSK),
        ],
        note="'two or three hundred' shares the hundreds; 'a further 500' are the wounded",
    ),
    Case(
        "fig2-soldiers-dead-and-injured",
        "A Ukrainian missile strike on a training ground in the Kursk region left 12 Russian soldiers dead "
        "and 30 injured, pro-Kremlin war bloggers reported. The defence ministry in Moscow did not comment.",
        "2024-11-26",
        [
            dict(category="killed", value=12, subject_side="RU", civilian=False, claimant_side="RU",
                 region=KURSK),
            dict(category="wounded", value=30, subject_side="RU", civilian=False, claimant_side="RU",
                 region=KURSK),
        ],
    ),
    Case(
        "fig2-list-items-carry-their-own-nouns",
        "In the Kursk region Ukraine lost 45 servicemen killed, two tanks destroyed and nine soldiers "
        "taken prisoner over the past day, the Russian Defence Ministry said. Kyiv has not commented on "
        "the claim.",
        "2024-11-26",
        [
            dict(category="killed", value=45, subject_side="UA", claimant=RU_MOD, claimant_side="RU",
                 period="window", region=KURSK),
            dict(category="equipment", equipment="tank", value=2, subject_side="UA", claimant=RU_MOD,
                 period="window", region=KURSK),
            dict(category="captured", value=9, subject_side="UA", claimant=RU_MOD, period="window",
                 region=KURSK),
        ],
        note="each item's own participle gives its category",
    ),
    Case(
        "fig2-nine-drones-and-nine-missiles",
        "Air defences around the capital intercepted nine drones and nine missiles overnight, Ukraine's "
        "air force said. No casualties were reported.",
        "2024-11-26",
        [
            dict(category="intercepted", equipment="uav", value=9, subject_side="RU", claimant=UA_AIR_FORCE,
                 claimant_side="UA", date="2024-11-26", date_start="2024-11-25"),
            dict(category="intercepted", equipment="missile", value=9, subject_side="RU",
                 claimant=UA_AIR_FORCE, claimant_side="UA", date="2024-11-26", date_start="2024-11-25"),
        ],
        note="the same number for two weapons is two claims; 'no casualties' is none",
    ),
    Case(
        "fig2-north-korean-casualties-and-dead",
        "North Korean troops fighting in the Kursk region have suffered about 4,700 casualties, including "
        "some 600 dead, South Korea's spy agency told lawmakers on Wednesday.",
        "2025-05-01",
        [
            dict(category="casualties", value=4700, subject_side="KP", qualifier="about", claimant=NIS,
                 claimant_side="other", period="cumulative", date="2025-04-30", region=KURSK),
            dict(category="killed", value=600, subject_side="KP", qualifier="about", claimant=NIS,
                 claimant_side="other", period="cumulative", date="2025-04-30", region=KURSK),
        ],
        note="North Korea's soldiers are KP; the dead within the casualties are a claim of their own",
    ),
]


CASES: list[Case] = [
    *WHO_SPEAKS,
    *LIST_SIDE,
    *PERIODS,
    *WHEN,
    *WHERE,
    *CIVILIANS,
    *AIR_RAIDS,
    *MISSED_FIGURES,
    *NOT_LOSSES,
    *BREAKDOWNS,
    *HARDWARE_LISTS,
    *WHO_SPEAKS_2,
    *LIST_SIDE_2,
    *PERIODS_2,
    *WHEN_2,
    *WHERE_2,
    *NOT_LOSSES_2,
    *CIVILIANS_2,
    *FIGURES_2,
]
# fmt: on
