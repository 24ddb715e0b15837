"""The bureau's official figures (demo/data/figures.yaml), keyed on their key: a second run changes nothing."""

from demo import content
from sites.models import OfficialFigure


def load(stdout=None):
    data = content.read("figures")
    for key, value in data["figures"].items():
        OfficialFigure.objects.update_or_create(
            key=key,
            defaults={
                "value": value,
                "year": data["year"],
                "source_zh": data["source"]["zh"],
                "source_en": data["source"]["en"],
            },
        )
    if stdout:
        stdout.write(f"Official figures loaded: {len(data['figures'])}.")
