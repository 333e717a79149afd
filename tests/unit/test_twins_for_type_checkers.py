"""The snake_case twins are visible to type checkers (issue 20).

At run time ``NodeNames``/``alias_module`` make them; ``tools/gen_twins.py`` writes the
same aliases into ``if TYPE_CHECKING:`` blocks. The blocks must match what the mechanism
makes now, and a user's type checker must accept both spellings.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

USER_CODE = """
from nodenet_uv import events, net

server = net.create_server()
sock = net.create_connection(80, "127.0.0.1")
sock.set_no_delay(True)
sock.set_keep_alive(True, 1000)
n: int = sock.bytes_read
written = sock.bytes_written
state: str = sock.ready_state
server.get_connections(lambda err, count: None)
ok: bool = net.is_ipv4("1.2.3.4")
emitter = events.EventEmitter()
emitter.remove_all_listeners()
"""


def test_generated_blocks_match_the_run_time_twins() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_twins.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.timeout(300)
def test_a_users_type_checker_sees_both_spellings(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    user = tmp_path / "user.py"
    user.write_text(USER_CODE + "sock.no_such_method()\n")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent", str(user)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=280,
        check=False,
    )
    # Exactly one error: the misspelt method; every snake_case name type-checks.
    assert proc.returncode == 1, proc.stdout + proc.stderr
    errors = [ln for ln in proc.stdout.splitlines() if ": error:" in ln]
    assert len(errors) == 1 and "no_such_method" in errors[0], proc.stdout
