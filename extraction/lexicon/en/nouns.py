"""Nouns a figure can count, each with its kind (``kinds``), as regular expressions tried in order: longer
and more specific phrases first, so "vehicles and fuel tanks" is read before "tanks", "armored personnel
carriers" before "personnel" and "fighter jets" before "fighters"."""

from __future__ import annotations

from ..kinds import CAPTURED, CASUALTIES, CIVILIANS, KILLED, PERSONNEL, SKIP, WOUNDED

NOUNS: tuple[tuple[str, str], ...] = (
    (
        r"(?:drone|UAV|missile|artillery|mortar)\s+(?:control\s+points?|launch\s+(?:sites?|pads?|positions?)|"
        r"positions?|depots?|storage\s+sites?|hangars?)|control\s+points?|firing\s+positions?",
        SKIP,
    ),
    # Phrases that would otherwise be misread by a shorter entry below.
    (r"vehicles?\s+and\s+fuel\s+(?:tanks?|tankers?|trucks?)", "eq:vehicle"),
    (r"automotive\s+(?:equipment|vehicles?)(?:\s+and\s+fuel\s+tanks?)?", "eq:vehicle"),
    (r"fuel\s+(?:tanks?|tankers?|trucks?)", "eq:vehicle"),
    (r"(?:armou?red\s+)?personnel\s+carriers?|APCs?\b", "eq:armored_vehicle"),
    (
        r"unmanned\s+aerial\s+(?:vehicles?|vehicle\s+systems?|systems?)|unmanned\s+aircraft(?:\s+systems?)?",
        "eq:uav",
    ),
    (
        r"(?:unmanned|uncrewed)\s+(?:surface|ground|naval|sea)\s+(?:vehicles?|vessels?|drones?|systems?)",
        "eq:other",
    ),
    (r"(?:naval|sea|maritime|marine|water)\s+drones?|USVs?\b|UGVs?\b", "eq:other"),
    (
        r"all[\s-]terrain\s+vehicles?|ATVs?\b|quad\s*bikes?|buggies|buggy|motorcycles?|motorbikes?|scooters?",
        "eq:vehicle",
    ),
    (r"(?:armou?red\s+)?(?:combat|fighting|infantry)\s+(?:fighting\s+)?vehicles?", "eq:armored_vehicle"),
    (
        r"(?:infantry\s+fighting|armou?red\s+(?:fighting|combat|personnel)|armou?red)\s+vehicles?",
        "eq:armored_vehicle",
    ),
    (
        r"armou?red\s+(?:cars?|carriers?|trucks?|transporters?|vehicles?)|IFVs?\b|AFVs?\b|MRAPs?\b",
        "eq:armored_vehicle",
    ),
    (
        r"(?:BMP|BTR|BMD|BRDM|BMPT)-?\d*\w*|MT-LBs?|Strykers?|Bradleys?|Marders?|CV90s?|M113s?|Kozaks?|Bushmasters?|"
        r"Humvees?|Roshels?|Tigrs?|Typhoon-K",
        "eq:armored_vehicle",
    ),
    (
        r"(?:tank|drone|artillery|helicopter|aircraft|mortar|grenade|UAV|FPV)\s+(?:crews?|crewmen|operators?|"
        r"pilots?|units?|teams?|gunners?)",
        PERSONNEL,
    ),
    (
        r"(?:fighter|combat|military|attack|strike|cargo|transport|reconnaissance|spy)\s+(?:jets?|planes?|"
        r"aircraft)|warplanes?|(?:air)?planes?|jets?|bombers?|aircraft|airframes?",
        "eq:aircraft",
    ),
    (r"(?:Su|MiG|Tu|Il|Yak|An|Be|A)-\d+\w*|F-16s?|Mirages?", "eq:aircraft"),
    (r"helicopters?|choppers?|(?:Ka|Mi)-\d+\w*|rotorcraft|Apaches?|Black\s*Hawks?", "eq:helicopter"),
    (
        r"(?:Shahed|Geran|Gerbera|Lancet|Orlan|Zala|Supercam|Mavic|Molniya|Eleron|Forpost|Merlin|Orion|"
        r"Bayraktar|Lyutyi|Liutyi)(?:s|-\w+)*(?:[\s-]+type)?(?:\s+(?:attack|strike|kamikaze|loitering|decoy|"
        r"reconnaissance|combat))?(?:\s+(?:drones?|UAVs?|munitions?))?",
        "eq:uav",
    ),
    (
        r"(?:(?:FPV|attack|strike|kamikaze|loitering|decoy|reconnaissance|surveillance|combat|"
        r"operational[\s-]tactical(?:[\s-]level)?|long-range|fibre-optic|fiber-optic|imitator|dummy|fixed-wing|"
        r"aircraft-type|airplane-type|plane-type)[\s-]+)*"
        r"(?:drones?|UAVs?|FPVs?)(?:\s+of\s+(?:the\s+)?operational[\s-]tactical\s+level)?|loitering\s+munitions?",
        "eq:uav",
    ),
    (
        r"(?:multiple[\s-]launch(?:ed)?\s+rocket(?:\s+launcher)?\s+systems?|multiple[\s-](?:rocket|launch)\s+"
        r"(?:launchers?|systems?)|rocket\s+launchers?|MLRSs?\b|MRLs?\b|rocket\s+artillery\s+systems?)",
        "eq:mlrs",
    ),
    (r"HIMARS\s+(?:rockets?|missiles?|munitions?)|GMLRS|(?:guided\s+)?rockets?", "eq:missile"),
    (
        r"(?:Grads?|Uragans?|Smerchs?|Tornado(?:-S|-G)?|HIMARS(?:es)?|M270s?|TOS-1A?|Solntsepyoks?|"
        r"BM-\d+\w*|Vampires?|Buratinos?)",
        "eq:mlrs",
    ),
    (
        r"(?:(?:anti-?aircraft|air[\s-]defen[cs]e|surface-to-air|SAM)\s+(?:missile\s+)?(?:systems?|complex(?:es)?|"
        r"launchers?|units?|installations?|batter(?:y|ies)|guns?)|SAMs?\b)",
        "eq:air_defense",
    ),
    (
        r"(?:S-[1-5]\d\d\w*|Buks?(?:-M\d\w*)?|Pantsirs?(?:-S\d)?|Tor(?:-M\d\w*)|Tors\b|Osas?\b|Strela-\d+|"
        r"Tunguskas?|Patriots?|IRIS-T|NASAMS|Gepards?)(?:\s+(?:systems?|launchers?|complex(?:es)?))?"
        r"(?!\s+missiles?)",
        "eq:air_defense",
    ),
    (
        r"(?:air[\s-]launched\s+|sea[\s-]launched\s+|ground[\s-]launched\s+)?(?:cruise|ballistic|guided|"
        r"anti-?ship|hypersonic|air-to-surface|surface-to-surface|tactical|aeroballistic|anti-?aircraft\s+guided)"
        r"\s+missiles?|missiles?|(?:Kh|Ch)-\d+\w*|Iskanders?(?:-[MK])?|Kalibrs?|Kinzhals?|Zircons?|Tsirkons?|"
        r"Oniks|Onyx|ATACMS|Storm\s+Shadows?|SCALPs?|Neptunes?|Tochka-U|KN-2\d|Hwasong-\d+|"
        r"S-[34]\d\d\s+missiles?",
        "eq:missile",
    ),
    (r"(?:guided\s+)?(?:aerial|glide|gliding|guided|air)\s+bombs?|KABs?\b|bombs?", "eq:other"),
    (r"missile\s+(?:systems?|launchers?)|launchers?", "eq:other"),
    (
        r"(?:self-propelled\s+)?(?:artillery\s+(?:systems?|pieces?|guns?|installations?|units?|mounts?)|"
        r"howitzers?|(?:self-propelled|field|towed|artillery)\s+guns?|cannons?|mortars?|artillery)"
        r"(?!\s+(?:shells?|rounds?|strikes?|attacks?|fire|shelling|barrages?|ammunition))",
        "eq:artillery",
    ),
    (
        r"(?:Msta(?:-[SB])?|Krabs?|Caesars?|M777s?|Giatsint(?:-[SB])?|Akatsiyas?|Gvozdikas?|Pions?|Malkas?|"
        r"Bogdanas?|Archers?|PzH\s*2000s?|D-30s?|D-20s?|2S\d+\w*|2A\d+|Hyacinths?|Tulips?)",
        "eq:artillery",
    ),
    (
        r"(?:main\s+battle\s+|battle\s+)?tanks?(?!\s+(?:crews?|crewmen|brigade|battalion|regiment|division|units?))|"
        r"T-\d{2,3}\w*|Abrams|Leopards?(?:\s+\d\w*)?|Challengers?(?:\s+2)?|Leclercs?",
        "eq:tank",
    ),
    (
        r"(?:landing|patrol|missile|rescue|tug|assault|speed|motor|river|small|military|naval|war)\s*"
        r"(?:ships?|boats?|craft|vessels?)|warships?|(?:ships?|boats?)(?:\s+and\s+boats)?|vessels?|"
        r"corvettes?|frigates?|cruisers?|minesweepers?|tugboats?|(?:rescue\s+|sea\s+|harbou?r\s+)?tugs?|"
        r"landing\s+craft",
        "eq:ship",
    ),
    (r"submarines?", "eq:submarine"),
    (
        r"(?:special|engineering)\s+(?:equipment|vehicles?|machinery)|electronic\s+warfare\s+(?:systems?|"
        r"stations?|complex(?:es)?)|EW\s+(?:systems?|stations?|complex(?:es)?)",
        "eq:special_equipment",
    ),
    # A radar sees for the air defences it serves: part of them.
    (r"(?:air[\s-]defen[cs]e\s+)?radar\s+(?:stations?|systems?|sites?|posts?)|radars?", "eq:air_defense"),
    (
        r"(?:military\s+|logistics\s+|motor\s+|transport\s+|supply\s+|cargo\s+|pickup\s+|pick-up\s+|utility\s+)?"
        r"(?:vehicles?|trucks?|lorr(?:y|ies)|cars?|pickups?|pick-ups?|vans?|jeeps?|buses?|automobiles?)",
        "eq:vehicle",
    ),
    (
        r"(?:pieces|units|items)\s+of\s+(?:military\s+)?(?:equipment|hardware|machinery)|(?:military\s+)?"
        r"(?:equipment|hardware|weapons?|weaponry)|(?:Starlink\s+)?(?:satellite\s+)?terminals?|Starlinks?|"
        r"(?:field\s+)?(?:ammunition|ammo|fuel|supply|logistics)\s+(?:depots?|dumps?|warehouses?)|"
        r"warehouses?|command\s+posts?",
        "eq:other",
    ),
    # The category named by the noun itself.
    (
        r"(?:killed|dead)\s+(?:and|or|&)\s+(?:wounded|injured)|(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)|"
        r"casualties|casualty|(?:personnel|troop|human|combat|irrecoverable|irretrievable|military|total)\s+"
        r"losses|losses",
        CASUALTIES,
    ),
    (r"killed\s+in\s+action|KIA\b|dead|deaths?|fatalities|killed|slain", KILLED),
    (r"wounded\s+in\s+action|WIA\b|wounded|injured|injuries", WOUNDED),
    (r"prisoners\s+of\s+war|POWs?\b|prisoners|captives|taken\s+prisoner", CAPTURED),
    # People no side fights with: a strike's victims.
    (
        r"civilians?|children|child|kids|residents?|inhabitants|villagers|women|woman|girls?|boys?|teenagers?|"
        r"pensioners?|passengers|journalists|medics|doctors|rescuers|firefighters|volunteers\s+delivering\s+aid",
        CIVILIANS,
    ),
    # Nouns that make a figure something other than a loss.
    (r"citizens|refugees|evacuees|hostages|bodies|remains", SKIP),
    (
        r"(?:artillery\s+)?(?:shells?|rounds?|munitions|ammunition|bullets|cartridges|grenades?|mines?)|"
        r"strikes?|attacks?|assaults?|sorties|missions|shellings?|bombardments?|barrages?|explosions?|"
        r"videos?|clips?|footage|photos?|images?|settlements?|villages?|towns?|cities|city|"
        r"km|kilomet(?:er|re)s?|square|hectares?|homes?|houses?|buildings?|apartments?|positions?|"
        r"depots?|warehouses?|bridges?|facilities|facility|targets?|objects?|locations?|areas?|sites?|"
        r"dugouts?|trenches?|shelters?|fortifications?|regions?|oblasts?|districts?|"
        r"countries|nations|sanctions|packages?|contracts?|tons?|tonnes?|rubles|roubles|dollars|euros|"
        r"hryvnias?|votes?|times|percent|miles?|meters?|metres?|years?|months?|weeks?|days?|hours?|"
        r"minutes?|episodes?|incidents?|cases?|crimes?|reports?|documents?|applications?|calls?|"
        r"kilograms?|rifles?|machine\s+guns?|small\s+arms|guns?|firearms?|sides|points?|items?",
        SKIP,
    ),
    (
        r"(?:military\s+)?(?:servicem[ae]n|servicewom[ae]n|service\s*members?|service\s*people|servicepersons?|"
        r"soldiers?|troops?|personnel|"
        r"fighters?|militants?|mercenar(?:y|ies)|invaders?|occupiers?|occupants?|marines?|paratroopers?|"
        r"conscripts?|officers?|commanders?|infantry(?:m[ae]n)?|stormtroopers?|combatants?|recruits?|"
        r"crew\s*m[ae]n|crew\s+members?|crews?|pilots?|sailors?|convicts?|defenders?|rashists?|orcs?|"
        r"saboteurs?|snipers?|gunners?|operators?|scouts?|militiam[ae]n|guardsm[ae]n|special\s+forces|"
        r"commandos?|volunteers?|assault\s+troopers?|men|man|members?|individuals|Russians|Ukrainians|"
        r"North\s+Koreans|Koreans|Chechens|Kadyrovites|Wagnerites|mobili[sz]ed|contract\s+soldiers|persons|person|"
        r"enemies|people)",
        PERSONNEL,
    ),
)

# Model designations are case-sensitive (a "tor" is not a Tor): re-check the matched text.
CASED_WORDS = [
    "Osa",
    "Osas",
    "Tor",
    "Tors",
    "Pion",
    "Pions",
    "Tulip",
    "Tulips",
    "Archer",
    "Archers",
    "Caesar",
    "Caesars",
    "Krab",
    "Krabs",
    "Grad",
    "Grads",
    "Tornado",
    "Vampire",
    "Vampires",
    "Patriot",
    "Patriots",
    "Mirage",
    "Mirages",
    "Orion",
    "Merlin",
    "Molniya",
    "Typhoon",
    "Bushmaster",
    "Bushmasters",
    "Tigr",
    "Tigrs",
    "Kozak",
    "Kozaks",
    "Malka",
    "Malkas",
    "Hyacinth",
    "Hyacinths",
    "Gepard",
    "Gepards",
    "Neptune",
    "Neptunes",
]
