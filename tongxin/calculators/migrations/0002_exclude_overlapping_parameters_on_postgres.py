"""On PostgreSQL, refuse overlapping validity for one place/key/tier in the database too.

An exclusion constraint needs btree_gist (a trusted extension since PostgreSQL 13). SQLite
has no exclusion constraints; there services.jurisdiction_parameter_validate is the guard.
A blank tier is compared as 0 here; the service also treats "all tiers" as overlapping
every tier, which the constraint does not express.
"""

from django.db import migrations

NAME = "jurisdiction_parameter_no_overlap"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE calculators_jurisdictionparameter ADD CONSTRAINT {NAME} "
        "EXCLUDE USING gist (place_id WITH =, key WITH =, (COALESCE(tier, 0)) WITH =, "
        "daterange(valid_from, valid_to, '[]') WITH &&)"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE calculators_jurisdictionparameter DROP CONSTRAINT IF EXISTS {NAME}"
    )


class Migration(migrations.Migration):
    dependencies = [("calculators", "0001_place_jurisdictionparameter")]

    operations = [migrations.RunPython(add_constraint, drop_constraint, elidable=False)]
