"""The README's Python example runs as written (trafilatura's docs-tests habit)."""

from __future__ import annotations

import os
import re

from .conftest import ROOT


def test_readme_python_example_runs(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has a Python example"
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {"print": lambda *a, **k: None})
    finally:
        os.chdir(cwd)
    assert (tmp_path / "triangulate.db").exists()
