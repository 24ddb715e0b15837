"""Third-party apps under translated names: the back office lists them beside ours, in Chinese first."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in protection")


class TasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")
