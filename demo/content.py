"""The demo content: one YAML file per kind in demo/data/, both languages in each record (README, "Demo content")."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name):
    """The parsed demo/data/<name>.yaml, fresh on every call (loaders may not mutate a shared copy by accident)."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)
