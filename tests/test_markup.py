"""Every public page type is valid HTML by the W3C Nu validator (no errors), in both languages.

The validator reads the page snapshots (tests/snapshots/), which tests/test_page_snapshots.py keeps equal to what
the demo data renders, so one run of Java checks every page. The validator is npm's `vnu-jar`, run with Debian's
Java; `.ci/run` installs both. Without them the test is skipped and says how to get them.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
VNU_JAR = Path(os.environ.get("VNU_JAR", "/var/cache/zhuzhou/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))
NOT_HTML = ("sitemap-xml", "robots-txt", "geojson")


def test_every_public_page_type_is_valid_html():
    if not shutil.which("java") or not VNU_JAR.exists():
        pytest.skip(
            f"the Nu validator needs Java and {VNU_JAR}: apt-get install -y default-jre-headless; "
            "npm install --prefix /var/cache/zhuzhou/vnu vnu-jar (or set VNU_JAR)"
        )
    pages = sorted(str(path) for path in SNAPSHOTS.glob("*.html") if not any(part in path.name for part in NOT_HTML))
    assert len(pages) >= 30  # both languages of every page type
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
