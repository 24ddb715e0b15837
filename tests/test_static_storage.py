"""The static files storage answers with WhiteNoise's hashed URLs and works each one out only once."""

import json

from core.storage import StaticFilesStorage


def test_the_storage_gives_hashed_urls_and_remembers_them(tmp_path):
    manifest = {"paths": {"css/portal.css": "css/portal.1234abcd.css"}, "version": "1.1", "hash": ""}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")
    assert storage.url("css/portal.css") == "/static/css/portal.1234abcd.css"
    storage.hashed_files = {}  # were it worked out again, the name would now be missing from the manifest
    assert storage.url("css/portal.css") == "/static/css/portal.1234abcd.css"
