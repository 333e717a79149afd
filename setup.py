"""The C accelerator (nodenet_uv._speedups, issue 17); everything else is in pyproject.toml.

``optional=True``: without a C compiler the install still succeeds and nodenet_uv runs
its pure-Python path (as with NODENET_UV_PURE=1).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "nodenet_uv._speedups",
            sources=["nodenet_uv/_speedups.c"],
            optional=True,
        )
    ]
)
