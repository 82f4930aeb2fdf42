from django.db import migrations

# Russia's groups of forces take the name English reporting gives them: TASS and the wire services
# write "Battlegroup Tsentr", and so do readers labelling claims. The rows keep their id and slug
# (claims and links stay as they were); the old name becomes an alias.
RENAMED = {
    f"Group of Forces {name}": f"Battlegroup {name}"
    for name in ("Dnepr", "Sever", "Tsentr", "Vostok", "Yug", "Zapad")
}


def _rename(apps, names: dict[str, str]) -> None:
    Unit = apps.get_model("claims", "Unit")
    for old, new in names.items():
        unit = Unit.objects.filter(name=old).first()
        if unit is None or Unit.objects.filter(name=new).exists():
            continue
        unit.name = new
        unit.aliases = [old] + [alias for alias in unit.aliases if alias not in (old, new)]
        unit.save(update_fields=["name", "aliases"])


def forwards(apps, schema_editor) -> None:
    _rename(apps, RENAMED)


def backwards(apps, schema_editor) -> None:
    _rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_summaries_by_unverified_flag")]

    operations = [migrations.RunPython(forwards, backwards)]
