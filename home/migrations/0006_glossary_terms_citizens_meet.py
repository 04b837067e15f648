"""Words citizens meet in their plans and decisions (bisidder, Ankestyrelsen, revurdering,
§/paragraf, serviceloven, forvaltningsloven, arkivloven), added to home/data/fagord.tsv.
The starting list's loader adds only terms a database does not have yet, so an editor's own
wording of an existing term is kept."""

from importlib import import_module

from django.db import migrations

load_terms = import_module("home.migrations.0004_glossary_terms").load_terms


class Migration(migrations.Migration):
    dependencies = [("home", "0005_editorial_workflow")]

    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
