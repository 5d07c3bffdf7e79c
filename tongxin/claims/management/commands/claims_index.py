"""`manage.py claims_index`: (re)build the similar-case index over every past case (work
orders with an answer; more sources as they register). Run it on a timer or through the
Celery task `claims.similar_index_rebuild`; pages only read the file."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from tongxin.claims import engine, indexing


class Command(BaseCommand):
    help = "重建相似案例索引。"

    def handle(self, *args: Any, **opts: Any) -> None:
        t0 = time.perf_counter()

        def progress(n: int) -> None:
            self.stdout.write(f"\r已分词 {n:,} 件（{time.perf_counter() - t0:.0f} 秒）", ending="")
            self.stdout.flush()

        built = indexing.similar_index_build(progress=progress)
        self.stdout.write("")
        path = engine.index_path()
        counts = "，".join(f"{k} {v:,}" for k, v in built.counts.items())
        self.stdout.write(
            f"已写入 {path}：{len(built):,} 件（{counts}），"
            f"{path.stat().st_size / 1e6:.1f} MB，用时 {time.perf_counter() - t0:.1f} 秒。"
        )
