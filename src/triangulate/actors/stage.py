"""The pipeline stage: actors and mentions for one analysed document."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..model import Analysis
from .linker import ActorLinker
from .loaders import builtin_files, env_files, files_digest

#: Bump when the linking rules change; the data's digest is appended automatically.
RULES_VERSION = "1"


class ActorStage:
    """Fills ``analysis.actors`` and ``analysis.mentions`` from the document text and sentences.

    ``version`` is ``RULES_VERSION`` plus a digest of the actor data files in use (built-in,
    ``extra_files`` and ``$TRIANGULATE_ACTORS``), so changed data means a new pipeline version.
    """

    name = "actors"
    version = RULES_VERSION

    def __init__(
        self,
        linker: ActorLinker | None = None,
        *,
        extra_files: Iterable[str | os.PathLike[str]] = (),
        use_env: bool = True,
    ) -> None:
        self.linker = linker if linker is not None else ActorLinker(extra_files, use_env=use_env)
        files = [*builtin_files(), *(Path(p) for p in self.linker.extra_files)]
        if self.linker.use_env:
            files += env_files()
        self.version = f"{RULES_VERSION}.{files_digest(files)[:8]}"

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        actors, mentions = self.linker.link(
            doc.text, analysis.sentences, doc.language or "de", doc.published
        )
        analysis.actors = actors
        analysis.mentions = mentions
