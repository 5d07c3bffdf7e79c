"""Celery app. Without REDIS_URL tasks run eagerly in-process, so the embedded default needs no services."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tongxin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
