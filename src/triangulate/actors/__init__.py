"""Actors: who is meant.

The knowledge base (``actors/data/``: countries, international organisations, state
institutions, media, armed groups, persons with dated roles, agent nouns) and the linker that
finds actor mentions in German and English text and links them to CAMEO-style codes.

    >>> from triangulate.actors import ActorLinker
    >>> actors, mentions = ActorLinker().link(text, sentences, "de", "2024-11-06")

``ActorStage`` is the pipeline stage; ``load_knowledge_base`` loads (and caches) the data,
with user actor files added by ``extra_files`` or ``$TRIANGULATE_ACTORS``.
"""

from .kb import ActorDataError, KnowledgeBase
from .linker import ActorLinker
from .loaders import load_knowledge_base
from .stage import RULES_VERSION, ActorStage

__all__ = [
    "RULES_VERSION",
    "ActorDataError",
    "ActorLinker",
    "ActorStage",
    "KnowledgeBase",
    "load_knowledge_base",
]
