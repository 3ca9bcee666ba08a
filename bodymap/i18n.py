"""The translation seam: every sentence a person reads goes through these functions.

Messages are whole English sentences with named placeholders (``_("{name}, left").format(...)``
is wrong; ``_("{muscle}, left side").format(muscle=...)`` is right), plurals go through
:func:`n_`, and a message that means different things in different places has a context
(:func:`p_`). The catalogues are GNU gettext files under ``bodymap/locale``; with no catalogue
for the chosen language the English text is shown. Qt-free, so the command line, the handout
and the window share one catalogue.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "bodymap"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_requested = "en"


PSEUDO = "pseudo"
"""A made-up language whose every message is 40% longer, for checking that layouts survive translation."""


class Pseudo(gettext.NullTranslations):
    """Each message lengthened by 40% (placeholders and markup kept), in visible brackets."""

    @staticmethod
    def _longer(message: str) -> str:
        return f"⟦{message}{'~' * max(2, round(len(message) * 0.4))}⟧"

    def gettext(self, message: str) -> str:
        return self._longer(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._longer(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._longer(message)


def set_language(language: str) -> None:
    """Use the catalogue for ``language`` (e.g. 'es'); English when there is none."""
    global _catalogue, _language, _requested
    _requested = language
    if language == PSEUDO:
        _catalogue, _language = Pseudo(), PSEUDO
        return
    _catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    _language = language if isinstance(_catalogue, gettext.GNUTranslations) else "en"  # a catalogue was found


def system_language() -> str:
    """The language the system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as a code like 'es'."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            code = value.split(":")[0].split(".")[0].split("_")[0].split("@")[0]
            return "en" if code in ("C", "POSIX", "") else code
    return "en"


def language() -> str:
    """The language whose catalogue is in use ('en' when none is)."""
    return _language


def locale_code() -> str:
    """The locale for dates and numbers (Babel's): the language in use, English for the pseudo-language."""
    return "en" if _language == PSEUDO else _language


def requested_language() -> str:
    """The language asked for (--lang, the setting, the system's): the content's overlays follow it
    even where the messages have no catalogue yet."""
    return _requested


def catalogue_stats(language: str) -> dict[str, float | int]:
    """How much of the message template a language's catalogue translates (fuzzy counts as not)."""
    from babel.messages.pofile import read_po  # only the translations report needs it

    try:
        with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as handle:
            template = {m.id for m in read_po(handle) if m.id}
    except OSError:
        template = set()
    translated = 0
    try:
        with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
            for message in read_po(handle):
                if message.id in template and not message.fuzzy and _filled(message.string):
                    translated += 1
    except OSError:
        pass
    total = len(template)
    return {
        "total": total,
        "translated": translated,
        "missing": total - translated,
        "percent": round(100 * translated / total, 1) if total else 100.0,
    }


def _filled(string: object) -> bool:
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def _(message: str) -> str:
    """The translation of one message."""
    return _catalogue.gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The translation of a message whose form depends on a number (format ``count`` in yourself)."""
    return _catalogue.ngettext(singular, plural, count)


def p_(context: str, message: str) -> str:
    """The translation of a message that needs a context to be translated right (e.g. 'Back' the view)."""
    return _catalogue.pgettext(context, message)
