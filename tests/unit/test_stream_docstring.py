"""The stream package's docstring example runs as written (issue: streams usable alone)."""

import nodenet_uv.stream as stream_pkg


def test_docstring_example_runs(capsys: object) -> None:
    doc = stream_pkg.__doc__ or ""
    code = doc.split("::\n", 1)[1].split("\n(``Readable.from``", 1)[0]
    source = "\n".join(line[4:] for line in code.splitlines())
    exec(compile(source, "<stream docstring>", "exec"), {})
