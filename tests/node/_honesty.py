"""The manifest's ``pass`` means passing here: a session-level record of what each port
collected and how its tests ended, checked when the session finishes (``conftest.py``).

A ``pass`` port fails the session when it collects no test, or when any of its tests (or
the module itself) is skipped on this machine: a port that skips (no IPv6, no
``reusePort``, ...) tests nothing here, so its entry must be ``fail`` or ``n-a`` with the
reason. A ``fail`` port's tests run as (non-strict) xfail, since a Node file fails when
one of its blocks does and the others may pass; the session fails when every test of a
``fail`` port ran and none failed (the entry must become ``pass``). Only ports that took
part in the session are checked (running one file checks that file).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Record:
    """Per manifest key: tests collected, and the node ids of skipped tests."""

    collected: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=dict)
    ran: dict[str, int] = field(default_factory=dict)
    xfailed: dict[str, int] = field(default_factory=dict)

    def collect(self, key: str, n_items: int, skipped: bool = False, nodeid: str = "") -> None:
        self.collected[key] = self.collected.get(key, 0) + n_items
        if skipped:
            self.skip(key, nodeid)

    def skip(self, key: str, nodeid: str) -> None:
        self.skipped.setdefault(key, []).append(nodeid)

    def outcome(self, key: str, xfailed: bool) -> None:
        """A test of ``key`` ran to its end: it failed as expected (``xfailed``) or not."""
        self.ran[key] = self.ran.get(key, 0) + 1
        if xfailed:
            self.xfailed[key] = self.xfailed.get(key, 0) + 1


def problems(entries: dict[str, dict[str, str]], record: Record) -> list[str]:
    """What makes the manifest untrue for the ports this session saw."""
    out: list[str] = []
    for key in sorted(record.collected):
        entry = entries.get(key)
        if entry is None:
            continue
        if entry["status"] == "fail":
            n = record.collected[key]
            if n and record.ran.get(key, 0) >= n and not record.xfailed.get(key):
                out.append(
                    f"{key} is `fail` in the manifest but all its {n} tests passed here: "
                    "mark it pass"
                )
            continue
        if entry["status"] != "pass":
            continue
        if record.collected[key] == 0 and key not in record.skipped:
            out.append(f"{key} is `pass` in the manifest but its port collects no test")
        for nodeid in record.skipped.get(key, []):
            out.append(
                f"{key} is `pass` in the manifest but {nodeid or 'its module'} was skipped "
                "here: a skipped test is not a pass (mark the entry fail or n-a with the reason)"
            )
    return out
