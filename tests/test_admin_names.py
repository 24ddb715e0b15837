"""The back office's menu in Chinese: every app and model it lists has a Chinese name, our apps an English one too."""

import re

from django.contrib import admin
from django.utils import translation

HAN = re.compile(r"[\u4e00-\u9fff]")
PROJECT_APPS = {"sites", "events", "itineraries", "stats", "bookings", "accreditation", "invest", "gifts", "office"}


def _listed():
    return {(model._meta.app_config, model._meta) for model in admin.site._registry}


def test_every_app_and_model_in_the_admin_menu_has_a_chinese_name():
    with translation.override("zh-hans"):
        untranslated = sorted(
            {str(config.verbose_name) for config, _ in _listed() if not HAN.search(str(config.verbose_name))}
            | {str(meta.verbose_name_plural) for _, meta in _listed() if not HAN.search(str(meta.verbose_name_plural))}
        )
    assert untranslated == []


def test_our_apps_have_english_names_in_english():
    with translation.override("en"):
        mixed = sorted(
            {
                str(config.verbose_name)
                for config, _ in _listed()
                if config.label in PROJECT_APPS and HAN.search(str(config.verbose_name))
            }
        )
    assert mixed == []
