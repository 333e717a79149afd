"""The documentation site builds with no warning (``make docs`` is ``mkdocs build --strict``).

Skipped when the ``docs`` extra (mkdocs, mkdocstrings) is not installed; CI installs it and
runs ``make docs`` itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "site"
    for page in (
        "index.html",
        "python-rules.html",
        "porting.html",
        "compat-report.html",
        "divergences.html",
        "api/net.html",
        "api/testing.html",
    ):
        assert (site / page).is_file(), page
    assert "nodenet_uv.net.Socket" in (site / "api" / "net.html").read_text()
