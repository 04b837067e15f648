"""The starting word list (home/data/fagord.tsv, from the project's shared fagord.tsv with a
one-sentence explanation per word); editors keep it from here."""

import csv
from pathlib import Path

from django.db import migrations

TSV = Path(__file__).resolve().parent.parent / "data" / "fagord.tsv"


def load_terms(apps, schema_editor):
    GlossaryTerm = apps.get_model("home", "GlossaryTerm")
    with TSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            GlossaryTerm.objects.get_or_create(
                term=row["fagord"].strip(),
                defaults={
                    "plain": row["hverdagsord"].strip(),
                    "explanation": (row.get("forklaring") or "").strip(),
                    "other_forms": (row.get("andre_former") or "").strip(),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("home", "0003_glossary_and_page_readability")]

    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
