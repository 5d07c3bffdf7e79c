from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongxin.orgs import services


class Command(BaseCommand):
    help = "为用户签发接口令牌并打印（只显示这一次）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **o: Any) -> None:
        user = User.objects.filter(username=o["username"]).first()
        if user is None:
            raise CommandError(f"找不到用户：{o['username']}")
        self.stdout.write(services.api_token_issue(actor=None, user=user))
