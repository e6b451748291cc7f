"""The language layer: sentence splitting for German and English news.

``split_sentences(text, lang, start=0, end=None)`` gives sentence spans as
absolute code-point offsets; ``sentences(...)`` the same as
:class:`triangulate.model.Sentence` records.  The rules live in
:mod:`.segment`, the word lists in ``triangulate/lang/<lang>/*.txt``.
"""

from __future__ import annotations

from .data import LanguageData, language_data
from .segment import sentences, split_sentences

__all__ = ["LanguageData", "language_data", "sentences", "split_sentences"]
