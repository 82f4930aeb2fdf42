"""Claimants that were people become the organisations they speak for, now that people have a register.

A person's words are filed under the office they held at the time (claims.Person), so a claimant row
named for a person is renamed in place to its organisation, keeping its id and slug (claims and links stay
as they were) with the old name as an alias, as 0007 renamed units. Where the organisation is already a
row (Zaluzhnyi's office is Syrskyi's, once his row is renamed; Putin speaks for the Kremlin), the person's
claims move to it, its aliases gain the person's, and the person's row goes: the claims keep their
summaries, which the database recomputes as they change (0002). Run before the seed that follows every
migrate, which then finds the organisations by name.
"""

from django.db import migrations

# In order: a later person whose organisation an earlier one was renamed to is merged into it.
ORGANISATIONS = {
    "Oleksandr Syrskyi": "Commander-in-Chief of the Armed Forces of Ukraine",
    "Valerii Zaluzhnyi": "Commander-in-Chief of the Armed Forces of Ukraine",
    "Vladimir Putin": "Kremlin",
    "Valery Gerasimov": "Russian General Staff",
    "Apti Alaudinov": "Akhmat Special Forces",
    "Ramzan Kadyrov": "Head of the Chechen Republic",
    "Denis Pushilin": "Russian-installed Donetsk authorities",
    "Leonid Pasechnik": "Russian-installed Luhansk authorities",
    "Vladimir Saldo": "Russian-installed Kherson authorities",
    "Yevgeny Balitsky": "Russian-installed Zaporizhzhia authorities",
}


def _with(aliases: list[str], more: list[str], name: str) -> list[str]:
    merged = list(aliases)
    merged += [alias for alias in more if alias not in merged and alias != name]
    return merged


def forwards(apps, schema_editor) -> None:
    Claimant = apps.get_model("claims", "Claimant")
    Claim = apps.get_model("claims", "Claim")
    for old, new in ORGANISATIONS.items():
        person = Claimant.objects.filter(name=old).first()
        if person is None:
            continue
        organisation = Claimant.objects.filter(name=new).first()
        if organisation is None:
            person.aliases = _with([old], person.aliases, new)
            person.name = new
            person.save(update_fields=["name", "aliases"])
            continue
        Claim.objects.filter(claimant=person).update(claimant=organisation)
        organisation.aliases = _with(organisation.aliases, [old, *person.aliases], organisation.name)
        organisation.save(update_fields=["aliases"])
        person.delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_people")]

    # Nothing to undo: the organisations are the right claimants at any schema, and merged claims cannot
    # be told apart again.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
