"""Work-order benchmark at scale: PostgreSQL, gunicorn on 127.0.0.1 (2 workers), wrk.

Loads 1,000,000 realistic work orders into a separate PostgreSQL database (reused on the next
run), starts gunicorn, and measures:

  (a) public intake, POST /api/v1/public/appeals: throughput and p50/p95/p99 at 32 connections;
  (b) the queue, GET /api/v1/workorders?limit=20&org=<county/town> (deadline order): p95;
  (c) indicators, GET /api/v1/insights/workorders for a county over a year: each request.

Run (see bench/README.md):

    .venv/bin/python bench/appeals_load.py
    .venv/bin/python bench/appeals_load.py --orders 1000000 --duration 20 --concurrency 32 \
        --database postgres://postgres@127.0.0.1:5432/tongxin_bench

Needs `wrk` (Debian: apt-get install -y wrk). Load goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/tongxin_bench"
FORBIDDEN_DBS = {"test", "postgres", "template0", "template1", "root", "tongxin"}
# Fixed so that the phones encrypted at load time decrypt when the data is reused.
BENCH_SECRET = "bench-only-secret-key-never-use-in-production-2f8c1d"
TARGETS = {"intake_rps": 500, "intake_p95_ms": 100, "queue_p95_ms": 50, "indicators_ms": 500}

# The tree: root → 4 provinces → 4 cities each → 5 counties each → 8 towns each → 3 base unions.
TREE = [("PROVINCIAL", "P", 4), ("CITY", "C", 4), ("COUNTY", "X", 5), ("TOWNSHIP", "T", 8)]
BASES_PER_TOWN = 3

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志宏海波斌鹏辉飞"
TRADES = list("电子机械物流餐饮建筑服装食品印刷家具保安物业汽配纺织化工五金快递劳务科技")
TRADES = ["".join(TRADES[i : i + 2]) for i in range(0, len(TRADES), 2)]
FORMS = ["有限公司", "股份有限公司", "厂", "经营部", "工程队", "商行"]
PROBLEMS = [
    "公司拖欠{m}个月工资共{a}元，多次讨要未果",
    "单位未与我签订书面劳动合同，已工作{m}个月",
    "每月加班约{h}小时，公司未支付加班费",
    "公司以经营困难为由解除劳动合同，未支付经济补偿",
    "单位未为我缴纳社会保险，想咨询如何补缴",
    "工作中受伤，单位不给申报工伤，医疗费{a}元未报销",
    "怀孕后被调岗降薪，想了解女职工权益",
    "工地老板拖欠{w}名工友工资{a}元",
    "想咨询年休假和带薪病假的规定",
    "建议工会在园区增设职工服务站点",
]
BRANDS = ["宏达", "华兴", "金源", "瑞丰", "恒通", "新星", "博远", "鑫盛", "永发", "天成"]
PHONE_POOL = 20_000
LOAD_BATCH = 100_000
CHANNELS = ["hotline"] * 40 + ["qr"] * 25 + ["app"] * 15 + ["walk_in"] * 8 + ["transfer"] * 12
NATURES = ["consult"] * 35 + ["request"] * 45 + ["complaint"] * 12 + ["suggestion"] * 5
NATURES += ["praise"] * 3
DIFFICULTIES = ["normal"] * 80 + ["hard"] * 17 + ["complex"] * 3
FINISH_DAYS = {"consult": 2, "suggestion": 13, "normal": 5, "hard": 15, "complex": 30}


def log(message: str) -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------- database


def check_database_url(url: str) -> str:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit(f"--database must be a postgres:// URL, got {url!r}")
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("--database must point at 127.0.0.1: the benchmark only loads local machines")
    if not name or name in FORBIDDEN_DBS or name.startswith("test"):
        sys.exit(f"refusing database {name!r}: use a separate database such as tongxin_bench")
    return name


def ensure_database(url: str, name: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            log(f"created database {name}")


def drop_database(url: str, name: str) -> None:
    import psycopg

    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    log(f"dropped database {name}")


def server_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=BENCH_SECRET,
        FIELD_ENCRYPTION_KEY=BENCH_SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PUBLIC_RATE_LIMIT_PER_MINUTE="0",  # one client address sends everything
        REDIS_URL="",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    return env


def setup_django(database_url: str) -> None:
    os.environ.update(server_env(database_url))
    import django

    django.setup()


# --------------------------------------------------------------------------- data


def build_orgs() -> dict[str, list[Any]]:
    """The org tree (idempotent); returns orgs by level, all with ids."""
    from tongxin.orgs.models import OrgUnit

    rows: list[OrgUnit] = [
        OrgUnit(code="BENCH", name="基准测试总工会", level="ACFTU", path="/BENCH/", depth=0)
    ]
    frontier = [("", "/BENCH/", 0)]
    for level, letter, fanout in [*TREE, ("BASE", "B", BASES_PER_TOWN)]:
        nxt = []
        for prefix, path, depth in frontier:
            for i in range(1, fanout + 1):
                code = f"{prefix or 'B'}{letter}{i:02d}"
                child_path = f"{path}{code}/"
                rows.append(
                    OrgUnit(
                        code=code,
                        name=f"{code} {OrgUnit.Level(level).label}",
                        level=level,
                        path=child_path,
                        depth=depth + 1,
                    )
                )
                nxt.append((code, child_path, depth + 1))
        frontier = nxt
    OrgUnit.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    by_path = {o.path: o for o in OrgUnit.objects.filter(path__startswith="/BENCH/")}
    to_link = []
    for org in by_path.values():
        parent_path = org.path[: org.path.rstrip("/").rfind("/") + 1]
        parent = by_path.get(parent_path)
        if parent is not None and org.parent_id != parent.id:
            org.parent_id = parent.id
            to_link.append(org)
    OrgUnit.objects.bulk_update(to_link, ["parent"], batch_size=2000)
    levels: dict[str, list[Any]] = {}
    for org in sorted(by_path.values(), key=lambda o: o.path):
        levels.setdefault(org.level, []).append(org)
    return levels


def ensure_staff() -> str:
    """A provincial supervisor with a fresh API token (the clear token exists only here)."""
    from django.contrib.auth.models import User

    from tongxin.orgs.models import OrgUnit
    from tongxin.orgs.services import api_token_issue, staff_create

    province = OrgUnit.objects.get(code="BP01")
    role = staff_create(actor=None, username="bench_supervisor", org=province, role="supervisor")
    user = User.objects.get(pk=role.user_id)
    return api_token_issue(actor=None, user=user)


ORDERS_SQL = """
WITH ins AS (
INSERT INTO appeals_workorder (
  id, created_at, updated_at, tracking_code, idempotency_key, channel, status, nature,
  difficulty, is_group, wage_arrears, emergency, description, requester_name, anonymous,
  phone, phone_hash, phone_last4, employer_name, workers_involved, amount_claimed,
  received_at, dispatched_at, accept_due_at, accepted_at, due_at, replied_at, revisited_at,
  closed_at, reply, solved, amount_recovered, workers_benefited, suggestion_adopted,
  revisit_result, worker_rating, worker_comment, reopen_count, supervised,
  pending_extension_days, assigned_org_id, category_id, dispatched_by_org_id, duplicate_of_id,
  handler_id, intake_org_id, replied_by_id, transferred_agency_id)
SELECT
  gen_random_uuid(), received, received, tracking_code, NULL, channel, status, nature,
  difficulty, workers >= 10, random() < 0.3, random() < 0.02, description,
  CASE WHEN anonymous THEN '' ELSE requester_name END, anonymous,
  p.cipher, p.hash, p.last4, employer, workers,
  CASE WHEN nature IN ('request', 'complaint') AND random() < 0.6
       THEN (800 + floor(random() * 300000))::numeric END,
  received, dispatched_at,
  dispatched_at + interval '1.4 days',
  CASE WHEN accepted THEN dispatched_at + random() * interval '40 hours' END,
  CASE WHEN status = 'answered_directly' THEN replied_at
       ELSE received + (finish * 1.4 + 0.5) * interval '1 day' END,
  replied_at,
  CASE WHEN status IN ('revisited', 'closed') THEN replied_at + interval '1 day' END,
  CASE WHEN status = 'closed' THEN replied_at + interval '3 days' END,
  CASE WHEN done THEN '已联系用人单位核实，按规定处理并答复职工。' ELSE '' END,
  CASE WHEN done AND nature = 'request' THEN random() < 0.85 END,
  NULL, NULL,
  CASE WHEN done AND nature = 'suggestion'
       THEN (ARRAY['adopted', 'partly', 'not_adopted'])[1 + floor(random() * 3)::int]
       ELSE '' END,
  CASE WHEN status IN ('revisited', 'closed') THEN
       CASE WHEN r_rv < 0.70 THEN 'satisfied' WHEN r_rv < 0.88 THEN 'basically_satisfied'
            WHEN r_rv < 0.93 THEN 'unsatisfied' ELSE 'unreachable' END
       ELSE '' END,
  '', '', 0, random() < 0.01, NULL,
  h.org_id,
  CASE WHEN random() < 0.9 THEN (%(categories)s::bigint[])[1 + floor(random() * %(n_categories)s)::int] END,
  CASE WHEN dispatched_at IS NOT NULL THEN h.county_id END,
  NULL,
  CASE WHEN accepted THEN %(user_id)s END,
  CASE WHEN r_intake < 0.5 THEN h.county_id ELSE h.org_id END,
  CASE WHEN done THEN %(user_id)s END,
  NULL
FROM (
  SELECT s2.*,
    status IN ('replied', 'revisited', 'closed', 'answered_directly') AS done,
    status NOT IN ('new', 'dispatched', 'returned', 'merged', 'invalid', 'answered_directly')
      AS accepted,
    CASE WHEN status NOT IN ('new', 'merged', 'invalid', 'answered_directly')
         THEN received + random() * interval '6 hours' END AS dispatched_at,
    CASE WHEN status IN ('replied', 'revisited', 'closed', 'answered_directly')
         THEN LEAST(received + finish * 1.4 * (CASE WHEN random() < 0.08 THEN 1.2 ELSE random() END)
                    * interval '1 day', now()) END AS replied_at
  FROM (
    SELECT s1.*,
      CASE
        WHEN r_status < 0.02 THEN CASE WHEN r_pick < 0.5 THEN 'merged' ELSE 'invalid' END
        WHEN r_status < 0.12 THEN 'answered_directly'
        WHEN age_days / (finish * 1.4 + 3) > 1.5 THEN
          CASE WHEN r_pick < 0.55 THEN 'closed' WHEN r_pick < 0.80 THEN 'revisited'
               WHEN r_pick < 0.96 THEN 'replied' ELSE 'in_progress' END
        WHEN age_days / (finish * 1.4 + 3) > 0.6 THEN
          CASE WHEN r_pick < 0.45 THEN 'replied' WHEN r_pick < 0.60 THEN 'revisited'
               WHEN r_pick < 0.80 THEN 'in_progress' ELSE 'accepted' END
        ELSE
          CASE WHEN r_pick < 0.15 THEN 'new' WHEN r_pick < 0.35 THEN 'dispatched'
               WHEN r_pick < 0.60 THEN 'accepted' ELSE 'in_progress' END
      END AS status,
      now() - age_days * interval '1 day' AS received
    FROM (
      SELECT s0.*,
        CASE WHEN nature = 'consult' THEN 2 WHEN nature = 'suggestion' THEN 13
             WHEN difficulty = 'hard' THEN 15 WHEN difficulty = 'complex' THEN 30 ELSE 5 END
          AS finish
      FROM (
        SELECT g,
          random() * 365 AS age_days, random() AS r_status, random() AS r_pick,
          random() AS r_rv, random() AS r_intake, random() < 0.1 AS anonymous,
          1 + floor(random() * %(n_handling)s)::int AS h_idx,
          1 + floor(random() * %(n_phones)s)::int AS p_idx,
          CASE WHEN random() < 0.9 THEN 1 ELSE 2 + floor(random() * 59)::int END AS workers,
          (%(natures)s::text[])[1 + floor(random() * %(n_natures)s)::int] AS nature,
          (%(difficulties)s::text[])[1 + floor(random() * %(n_difficulties)s)::int] AS difficulty,
          (%(channels)s::text[])[1 + floor(random() * %(n_channels)s)::int] AS channel,
          (%(descriptions)s::text[])[1 + floor(random() * %(n_descriptions)s)::int] AS description,
          (%(names)s::text[])[1 + floor(random() * %(n_names)s)::int] AS requester_name,
          (%(employers)s::text[])[1 + floor(random() * %(n_employers)s)::int] AS employer,
          (SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
                   ((g * 7919 + 104729) / (31::bigint ^ i)::bigint %% 31)::int + 1, 1), '')
             FROM generate_series(0, 9) i) AS tracking_code
        FROM generate_series(%(first)s::bigint, %(last)s::bigint) g
      ) s0
    ) s1
  ) s2
) s
JOIN bench_handling h ON h.idx = s.h_idx
JOIN bench_phone p ON p.idx = s.p_idx
RETURNING id, received_at, intake_org_id, channel
)
INSERT INTO appeals_workorderevent
  (work_order_id, created_at, actor_id, action, from_status, to_status, org_id, note, data)
SELECT id, received_at, NULL, 'submitted', '', 'new', intake_org_id, '',
       jsonb_build_object('channel', channel, 'attachments', 0)
FROM ins
"""


def _lookup_tables(cursor: Any, levels: dict[str, list[Any]], rng: random.Random) -> int:
    """Temporary tables the SQL generator draws from: handling orgs and encrypted phones."""
    from tongxin.core.crypto import encrypt, keyed_hash

    county_of = {o.path: o for o in levels["COUNTY"]}
    handling = []
    for level, weight in (("BASE", 2), ("TOWNSHIP", 3), ("COUNTY", 1)):
        for org in levels[level]:
            county = county_of["/".join(org.path.split("/")[:5]) + "/"]
            handling += [(org.id, county.id)] * weight
    cursor.execute("DROP TABLE IF EXISTS bench_handling, bench_phone")
    cursor.execute(
        "CREATE TEMP TABLE bench_handling (idx int PRIMARY KEY, org_id bigint, county_id bigint)"
    )
    cursor.execute(
        "CREATE TEMP TABLE bench_phone (idx int PRIMARY KEY, cipher text, hash text, last4 text)"
    )
    raw = cursor.cursor  # the psycopg 3 cursor, for COPY
    with raw.copy("COPY bench_handling FROM STDIN") as copy:
        for i, (org_id, county_id) in enumerate(handling, start=1):
            copy.write_row((i, org_id, county_id))
    with raw.copy("COPY bench_phone FROM STDIN") as copy:
        for i in range(1, PHONE_POOL + 1):
            # Repeat callers are realistic; each phone goes through the app's own crypto.
            phone = f"1{rng.randint(3, 9)}{rng.randint(0, 999_999_999):09d}"
            copy.write_row((i, encrypt(phone), keyed_hash(phone), phone[-4:]))
    return len(handling)


def _check_references(cursor: Any) -> None:
    """Set-wise check of the foreign keys the generator fills (instead of per-row triggers)."""
    checks = {
        "assigned_org_id": "orgs_orgunit",
        "intake_org_id": "orgs_orgunit",
        "dispatched_by_org_id": "orgs_orgunit",
        "category_id": "appeals_category",
        "handler_id": "auth_user",
        "replied_by_id": "auth_user",
    }
    for column, table in checks.items():
        cursor.execute(
            f'SELECT count(*) FROM appeals_workorder w WHERE w."{column}" IS NOT NULL '
            f'AND NOT EXISTS (SELECT 1 FROM "{table}" t WHERE t.id = w."{column}")'
        )
        if cursor.fetchone()[0]:
            raise RuntimeError(f"generated orders reference missing {table} rows ({column})")


def _drop_secondary_indexes(cursor: Any) -> list[str]:
    """Drop the work-order and event indexes that back no constraint; returns their DDL.

    Building them once after the load is several times faster than updating ~20 indexes
    row by row. Runs inside the load transaction, so an interruption restores them."""
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema()
          AND i.tablename IN ('appeals_workorder', 'appeals_workorderevent')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                          WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        """
    )
    rows = cursor.fetchall()
    for name, _definition in rows:
        cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in rows]


def load_orders(target: int, levels: dict[str, list[Any]], user_id: int) -> dict[str, Any]:
    """Generate orders (and one SUBMITTED event each) in SQL until `target` rows exist."""
    from django.db import connection, transaction

    from tongxin.appeals.models import Category, WorkOrder

    existing = WorkOrder.objects.count()
    missing = target - existing
    if missing <= 0:
        log(f"reusing {existing:,} work orders already loaded (target {target:,})")
        return {"loaded": 0, "seconds": 0.0, "reused": existing}
    log(f"loading {missing:,} work orders ({existing:,} present) …")
    started = time.monotonic()
    rng = random.Random(existing)
    employers = [
        f"{rng.choice(BRANDS)}{rng.choice(TRADES)}{rng.choice(FORMS)}" for _ in range(3000)
    ]
    descriptions = [
        rng.choice(PROBLEMS).format(
            m=rng.randint(1, 12),
            a=rng.randint(800, 90000),
            h=rng.randint(20, 120),
            w=rng.randint(10, 60),
        )
        for _ in range(500)
    ]
    names = [
        rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN]) for _ in range(800)
    ]
    categories = list(Category.objects.filter(parent__isnull=False).values_list("id", flat=True))
    arrays = {
        "natures": NATURES,
        "difficulties": DIFFICULTIES,
        "channels": CHANNELS,
        "descriptions": descriptions,
        "names": names,
        "employers": employers,
    }
    params: dict[str, Any] = {
        "categories": categories,
        "n_categories": len(categories),
        "user_id": user_id,
    }
    for key, values in arrays.items():
        params[key], params[f"n_{key}"] = values, len(values)
    with connection.cursor() as cursor:
        params["n_handling"] = _lookup_tables(cursor, levels, rng)
        params["n_phones"] = PHONE_POOL
        # Tracking codes come from a bijection of the row number, so they never repeat;
        # continue numbering after the highest batch loaded before.
        cursor.execute("SELECT count(*) FROM appeals_workorder")
        first = int(cursor.fetchone()[0]) + 1
        done = 0
        with transaction.atomic():  # an interrupted load leaves no rows and all indexes
            dropped = _drop_secondary_indexes(cursor) if missing >= 100_000 else []
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if dropped and cursor.fetchone()[0]:
                # Row-by-row deferred FK checks take minutes at 1M rows; the generator only
                # draws existing ids, and _check_references() verifies them set-wise below.
                cursor.execute("SET LOCAL session_replication_role = replica")
            while done < missing:
                n = min(LOAD_BATCH, missing - done)
                batch = {**params, "first": first + done, "last": first + done + n - 1}
                cursor.execute(ORDERS_SQL, batch)
                done += n
                elapsed = time.monotonic() - started
                rate = done / elapsed
                print(
                    f"\r  {done:>9,} / {missing:,} orders  {rate:,.0f} rows/s  "
                    f"eta {(missing - done) / rate:4.0f}s ",
                    end="",
                    flush=True,
                )
            print(flush=True)
            if dropped:
                log(f"  checking foreign keys, rebuilding {len(dropped)} indexes …")
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # CREATE INDEX needs no pending
                _check_references(cursor)
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                for definition in dropped:
                    cursor.execute(definition)
        cursor.execute("DROP TABLE IF EXISTS bench_handling, bench_phone")
        log("  VACUUM ANALYZE …")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE appeals_workorder")
        cursor.execute("VACUUM ANALYZE appeals_workorderevent")
        cursor.execute("ANALYZE")
    seconds = time.monotonic() - started
    log(f"  loaded {missing:,} orders in {seconds:.1f}s")
    return {"loaded": missing, "seconds": round(seconds, 1), "reused": existing}


def machine_facts(database_name: str) -> dict[str, Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
        counts = {}
        for table in ("orgs_orgunit", "appeals_workorder", "appeals_workorderevent"):
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "loadavg_before": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "postgresql": pg,
        "shared_buffers": shared_buffers,
        "database": database_name,
        "database_size": size,
        "rows": counts,
    }


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """gunicorn on 127.0.0.1 in its own process group; stop() always ends it."""

    def __init__(self, database_url: str, workers: int, threads: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # Closed in stop(), which every caller reaches through try/finally.
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="bench-gunicorn-", suffix=".log", delete=False
        )
        gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
        cmd = [str(gunicorn) if gunicorn.exists() else "gunicorn", "config.wsgi"]
        cmd += ["-w", str(workers), "-b", f"127.0.0.1:{self.port}", "--backlog", "2048"]
        # threads=1 is gunicorn's sync worker, the README's production command; more threads
        # (gthread) can be compared with --threads.
        cmd += ["--threads", str(threads)]
        cmd += ["--timeout", "30", "--graceful-timeout", "5", "--error-logfile", "-"]
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=server_env(database_url),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited early:\n{self.tail()}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(self.base + "/api/v1/health", timeout=2) as r,
            ):
                if r.status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout}s:\n{self.tail()}")

    def tail(self) -> str:
        self.log.flush()
        return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-30:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.log.close()
        with contextlib.suppress(OSError):
            os.unlink(self.log.name)


# --------------------------------------------------------------------------- load

LUA_COMMON = r"""
local threads = {}
local counter = 1
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
codes = {}
function init(args)
  math.randomseed(os.time() * 1000 + id)
end
function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes")
    for k, v in pairs(c) do all[k] = (all[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, string.format('"%d":%d', k, v)) end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p95_us":%d,' ..
    '"p99_us":%d,"max_us":%d,"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d},"codes":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ",")))
end
"""

LUA_INTAKE = r"""
local orgs = {%(orgs)s}
local problems = {%(problems)s}
local surnames = {"王","李","张","刘","陈","杨","黄","赵","吴","周"}
local given = {"伟","芳","娜","敏","静","丽","强","磊","军","洋"}
local channels = {"qr","qr","app","app","transfer"}
local sent = 0
request = function()
  -- every request carries its own Idempotency-Key, as an integrating platform sends one
  -- (the look-up it costs is part of the figure)
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%%d-%%d-%%d-%%d", os.time(), id, sent,
                                        math.random(0, 999999999)),
  }
  local workers = 1
  if math.random() < 0.1 then workers = math.random(2, 60) end
  local body = string.format(
    '{"org":"%%s","channel":"%%s","description":"%%s（%%d）","phone":"1%%d%%09d",' ..
    '"name":"%%s%%s","employer_name":"%%s公司","workers_involved":%%d,' ..
    '"amount_claimed":"%%d.00","wage_arrears":%%s}',
    orgs[math.random(#orgs)], channels[math.random(#channels)],
    problems[math.random(#problems)], math.random(1, 99999),
    math.random(3, 9), math.random(0, 999999999),
    surnames[math.random(#surnames)], given[math.random(#given)],
    surnames[math.random(#surnames)], workers, math.random(500, 90000),
    tostring(math.random() < 0.3))
  return wrk.format("POST", "/api/v1/public/appeals", headers, body)
end
"""

LUA_GET = r"""
local paths = {%(paths)s}
local headers = {["Authorization"] = "Bearer %(token)s"}
request = function()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
"""


def lua_list(items: list[str]) -> str:
    return ",".join(json.dumps(i, ensure_ascii=False) for i in items)


def run_wrk(
    base: str, script: str, *, connections: int, threads: int, duration: int, label: str
) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script + LUA_COMMON)
        path = f.name
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s"]
    cmd += ["--timeout", "5s", "-s", path, base]
    log(f"  {label}: wrk -t{threads} -c{connections} -d{duration}s …")
    try:
        out = subprocess.run(
            cmd, capture_output=True, text=True, timeout=duration + 60, check=False
        )
    finally:
        os.unlink(path)
    line = next((x for x in out.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result:\n{out.stdout}\n{out.stderr}")
    raw = json.loads(line.removeprefix("WRKJSON "))
    seconds = raw["duration_us"] / 1e6
    ok = sum(v for k, v in raw["codes"].items() if k.startswith("2"))
    return {
        "connections": connections,
        "threads": threads,
        "seconds": round(seconds, 2),
        "requests": raw["requests"],
        "ok": ok,
        "codes": raw["codes"],
        "errors": raw["errors"],
        "rps": round(ok / seconds, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
    }


def http_json(
    url: str, *, token: str = "", body: dict[str, Any] | None = None
) -> tuple[int, Any, float]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            payload = json.loads(r.read())
            status = r.status
    except urllib.error.HTTPError as exc:
        payload, status = exc.read().decode(errors="replace"), exc.code
    return status, payload, (time.perf_counter() - started) * 1000


def bench_intake(
    base: str, levels: dict[str, list[Any]], args: argparse.Namespace
) -> dict[str, Any]:
    orgs = [o.code for o in levels["TOWNSHIP"] + levels["BASE"] + levels["COUNTY"]]
    status, payload, _ms = http_json(
        base + "/api/v1/public/appeals",
        body={
            "org": orgs[0],
            "channel": "qr",
            "description": "公司拖欠三个月工资，多次讨要未果",
            "phone": "13800138000",
        },
    )
    if status != 201:
        raise RuntimeError(f"intake smoke request failed: {status} {payload}")
    problems = [p.format(m=3, a=12000, h=60, w=12) for p in PROBLEMS]
    script = LUA_INTAKE % {"orgs": lua_list(orgs), "problems": lua_list(problems)}
    run_wrk(base, script, connections=args.concurrency, threads=2, duration=3, label="warm-up")
    return run_wrk(
        base,
        script,
        connections=args.concurrency,
        threads=2,
        duration=args.duration,
        label="intake",
    )


def bench_queue(
    base: str, token: str, levels: dict[str, list[Any]], args: argparse.Namespace
) -> dict[str, Any]:
    mine = [o for o in levels["COUNTY"] + levels["TOWNSHIP"] if o.path.startswith("/BENCH/BP01/")]
    paths = [f"/api/v1/workorders?limit=20&org={o.code}" for o in mine]
    status, payload, ms = http_json(base + paths[0], token=token)
    if status != 200 or not payload.get("results"):
        raise RuntimeError(f"queue smoke request failed: {status} {str(payload)[:300]}")
    log(f"  queue smoke: {payload['count']:,} orders in {mine[0].code}, first page {ms:.0f} ms")
    script = LUA_GET % {"paths": lua_list(paths), "token": token}
    run_wrk(base, script, connections=args.queue_concurrency, threads=2, duration=2, label="warm")
    result = run_wrk(
        base,
        script,
        connections=args.queue_concurrency,
        threads=2,
        duration=args.queue_duration,
        label="queue",
    )
    result["orgs"] = f"{len(mine)} counties and towns of province BP01"
    return result


def bench_indicators(
    base: str, token: str, levels: dict[str, list[Any]], args: argparse.Namespace
) -> dict[str, Any]:
    today = datetime.now(SHANGHAI).date()  # the server's TIME_ZONE decides "today"
    start, end = today - timedelta(days=364), today
    counties = [o for o in levels["COUNTY"] if o.path.startswith("/BENCH/BP01/")]
    runs = []
    for org in counties[: args.indicator_requests]:
        url = f"{base}/api/v1/insights/workorders?org={org.code}&start={start}&end={end}"
        status, payload, ms = http_json(url, token=token)
        if status != 200:
            raise RuntimeError(f"indicators request failed: {status} {str(payload)[:300]}")
        received = next(i["numerator"] for i in payload["indicators"] if i["key"] == "received")
        # The first request reads the county's rows from disk or the OS cache (the verdict is
        # on these); the same request again shows the cost once PostgreSQL holds them.
        _status, _payload, again_ms = http_json(url, token=token)
        runs.append(
            {
                "org": org.code,
                "ms": round(ms, 1),
                "again_ms": round(again_ms, 1),
                "received": received,
            }
        )
        log(
            f"  indicators {org.code} {start}..{end}: {received:,} orders, "
            f"{ms:.0f} ms (again {again_ms:.0f} ms)"
        )
    times = [r["ms"] for r in runs]
    return {
        "period": [str(start), str(end)],
        "runs": runs,
        "median_ms": round(statistics.median(times), 1),
        "max_ms": max(times),
        "again_median_ms": round(statistics.median(r["again_ms"] for r in runs), 1),
    }


def remove_run_appeals(*, since: datetime) -> int:
    """Delete the appeals this run's intake created, so every run measures the data as
    loaded (otherwise each run adds ~3,000 open orders and the next queue run reads more)."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        recent = "SELECT id FROM appeals_workorder WHERE received_at >= %s"
        cursor.execute(
            f"DELETE FROM appeals_workorderevent WHERE work_order_id IN ({recent})", [since]
        )
        cursor.execute("DELETE FROM appeals_workorder WHERE received_at >= %s", [since])
        removed = cursor.rowcount
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE appeals_workorder")
        cursor.execute("VACUUM ANALYZE appeals_workorderevent")
    log(f"removed the {removed:,} appeals this run took in; vacuumed")
    return removed


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def report(result: dict[str, Any]) -> None:
    m, intake, queue, ind = (
        result["machine"],
        result["intake"],
        result["queue"],
        result["indicators"],
    )
    rows = m["rows"]
    log("")
    log(f"machine: {m['cpu_count']} cores ({m['cpu_model']}), PostgreSQL {m['postgresql']}")
    log(f"         load average before: {m['loadavg_before']} (shared with other engineers' tests)")
    srv = result["server"]
    kind = "sync" if srv["threads"] == 1 else f"gthread × {srv['threads']} threads"
    log(f"server:  gunicorn, {srv['workers']} workers ({kind})")
    log(
        f"data:    {rows['appeals_workorder']:,} orders, {rows['appeals_workorderevent']:,} events, "
        f"{rows['orgs_orgunit']:,} orgs; database {m['database_size']}; "
        f"load {result['load']['seconds']}s ({result['load']['loaded']:,} rows this run)"
    )
    log("")
    log(f"{'benchmark':<34}{'measured':>30}  {'target':>22}  ")
    log("-" * 96)
    t = TARGETS
    log(
        f"{'intake throughput (c=' + str(intake['connections']) + ')':<34}"
        f"{intake['rps']:>24,.0f} req/s  {'≥ ' + str(t['intake_rps']) + ' req/s':>22}  "
        f"{verdict(intake['rps'] >= t['intake_rps'])}"
    )
    log(
        f"{'intake latency p50/p95/p99':<34}"
        f"{intake['p50_ms']:>12.1f} / {intake['p95_ms']:.1f} / {intake['p99_ms']:.1f} ms"
        f"  {'p95 ≤ ' + str(t['intake_p95_ms']) + ' ms':>22}  "
        f"{verdict(intake['p95_ms'] <= t['intake_p95_ms'])}"
    )
    log(
        f"{'queue p50/p95 (c=' + str(queue['connections']) + ')':<34}"
        f"{queue['p50_ms']:>15.1f} / {queue['p95_ms']:.1f} ms ({queue['rps']:,.0f}/s)"
        f"  {'p95 ≤ ' + str(t['queue_p95_ms']) + ' ms':>16}  "
        f"{verdict(queue['p95_ms'] <= t['queue_p95_ms'])}"
    )
    log(
        f"{'indicators, county × 1 year':<34}"
        f"{'median ' + str(ind['median_ms']) + ' / max ' + str(ind['max_ms']) + ' ms':>30}"
        f"  {'≤ ' + str(t['indicators_ms']) + ' ms':>22}  "
        f"{verdict(ind['max_ms'] <= t['indicators_ms'])}"
    )
    log(f"{'  the same request again':<34}{'median ' + str(ind['again_median_ms']) + ' ms':>30}")
    bad = {k: v for k, v in intake["errors"].items() if v} or {}
    if bad or intake["ok"] != intake["requests"]:
        log(f"intake non-2xx / socket errors: codes={intake['codes']} errors={bad}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds of intake load")
    parser.add_argument("--concurrency", type=int, default=32, help="intake connections")
    parser.add_argument("--queue-concurrency", type=int, default=4)
    parser.add_argument("--queue-duration", type=int, default=10)
    parser.add_argument("--indicator-requests", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (1: sync workers; more: gthread)"
    )
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--reset", action="store_true", help="drop the bench database first")
    parser.add_argument("--load-only", action="store_true", help="load the data, skip the load")
    args = parser.parse_args()
    if not 1 <= args.duration <= 600 or not 1 <= args.queue_duration <= 600:
        parser.error("durations must be 1..600 seconds")
    if not 1 <= args.concurrency <= 512 or not 1 <= args.orders <= 20_000_000:
        parser.error("--concurrency must be 1..512 and --orders 1..20,000,000")
    if shutil.which("wrk") is None and not args.load_only:
        sys.exit("wrk is not installed. On Debian/Ubuntu: sudo apt-get install -y wrk")

    name = check_database_url(args.database)
    if args.reset:
        drop_database(args.database, name)
    ensure_database(args.database, name)
    setup_django(args.database)

    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection

    log(f"migrating {name} …")
    call_command("migrate", verbosity=0, interactive=False)
    levels = build_orgs()
    log(f"org tree: {sum(len(v) for v in levels.values()):,} orgs")
    token = ensure_staff()
    user_id = User.objects.get(username="bench_supervisor").pk
    load = load_orders(args.orders, levels, user_id)
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", "bench/appeals_load.py", *sys.argv[1:]]),
        "targets": TARGETS,
        "load": load,
    }
    connection.close()
    if args.load_only:
        result["machine"] = machine_facts(name)
        log(json.dumps(result["machine"], ensure_ascii=False))
        return 0

    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        run_started = cursor.fetchone()[0]
    connection.close()
    server = Server(args.database, args.workers, args.threads)
    result["server"] = {"workers": args.workers, "threads": args.threads}
    try:
        server.wait_ready()
        kind = "sync" if args.threads == 1 else f"gthread × {args.threads} threads"
        log(f"gunicorn: {args.workers} workers ({kind}) on {server.base}")
        log("(a) public intake")
        result["intake"] = bench_intake(server.base, levels, args)
        log("(b) queue API")
        result["queue"] = bench_queue(server.base, token, levels, args)
        log("(c) indicators")
        result["indicators"] = bench_indicators(server.base, token, levels, args)
    except BaseException:
        log(f"gunicorn log tail:\n{server.tail()}")
        raise
    finally:
        server.stop()
        result["removed_after_run"] = remove_run_appeals(since=run_started)
    result["machine"] = machine_facts(name)
    result["machine"]["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    report(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"appeals-{datetime.now(SHANGHAI):%Y-%m-%d-%H%M%S}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    log(f"\nresults: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
