from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tongxin.core.commands import service_errors
from tongxin.orgs import services
from tongxin.orgs.models import PartnerAgency


class Command(BaseCommand):
    help = "创建协作部门（人社、仲裁委、法院等）人员：--username U --agency CODE [--password P]"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--agency", required=True, help="协作部门代码")
        parser.add_argument("--password")
        parser.add_argument("--name", default="", help="姓名")

    @service_errors()
    def handle(self, *args: Any, **o: Any) -> None:
        agency = PartnerAgency.objects.filter(code=o["agency"]).first()
        if agency is None:
            raise CommandError(f"找不到协作部门代码：{o['agency']}")
        post = services.agency_staff_create(
            actor=None,
            username=o["username"],
            agency=agency,
            password=o["password"],
            full_name=o["name"],
        )
        self.stdout.write(self.style.SUCCESS(f"{post.user.username}：{agency.name}"))
