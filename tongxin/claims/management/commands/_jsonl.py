"""JSONL reading shared by the claims commands: errors name the file and line."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from claimtext import Example
from claimtext.labels import normalize_labels


def read_objects(path: Path, *, need_labels: bool) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(line number, object) per line; blank lines give None. Bad lines raise CommandError."""
    if not path.is_file():
        raise CommandError(f"找不到文件：{path}")
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                yield n, None
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path} 第 {n} 行不是有效的 JSON：{exc.msg}") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise CommandError(f'{path} 第 {n} 行缺少字符串字段 "text"。')
            if need_labels:
                labels = obj.get("labels")
                if not isinstance(labels, list):
                    raise CommandError(f'{path} 第 {n} 行缺少列表字段 "labels"。')
                try:
                    obj["labels"] = normalize_labels(str(x) for x in labels)
                except ValueError as exc:
                    raise CommandError(f"{path} 第 {n} 行：{exc}") from None
            yield n, obj


def read_examples(path: Path) -> list[Example]:
    """Labelled examples; ``doc`` (the judgment) is kept as the CV group."""
    out = []
    for _n, obj in read_objects(path, need_labels=True):
        if obj is not None:
            group = obj.get("doc")
            out.append(
                Example(
                    text=obj["text"],
                    labels=tuple(obj["labels"]),
                    group=None if group is None else f"file:{group}",
                )
            )
    return out
