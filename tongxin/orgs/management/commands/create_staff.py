from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongxin.core.exceptions import ApplicationError
from tongxin.orgs import services
from tongxin.orgs.models import OrgUnit, StaffRole


class Command(BaseCommand):
    help = "创建工作人员（或给已有用户加岗位）：--username U --org CODE --role ROLE [--password P]"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--org", required=True, help="组织代码")
        parser.add_argument("--role", required=True, choices=StaffRole.Role.values)
        parser.add_argument("--password")
        parser.add_argument("--name", default="", help="姓名")

    def handle(self, *args: Any, **o: Any) -> None:
        org = OrgUnit.objects.filter(code=o["org"]).first()
        if org is None:
            raise CommandError(f"找不到组织代码：{o['org']}")
        try:
            role = services.staff_create(
                actor=None,
                username=o["username"],
                org=org,
                role=o["role"],
                password=o["password"],
                full_name=o["name"],
            )
        except ApplicationError as exc:
            raise CommandError(str(exc.message)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"{role.user.username}：{org.name} {role.get_role_display()}")
        )
