"""People's titles and offices, declared once for every extractor that reads them.

Each is a regular-expression fragment (alternatives without a group of their own, so that a
reader can put them among its own words) or a tuple of words. The extractors compose their
patterns from these, keeping local only the words that one of them alone reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(words: Iterable[str]) -> str:
    """Join words (or fragments) into one alternation, without a group."""
    return "|".join(words)


def singular(plural: str) -> str:
    """Return the title each person of a plural title bears: "Councillors" -> "Councillor",
    "Aldermen" -> "Alderman", "Messrs" -> "Mr", "Mesdames" -> "Madame"."""
    if irregular := _IRREGULAR_PLURALS.get(plural.lower()):
        return irregular
    return re.sub(r"men$", "man", plural) if plural.endswith("men") else plural[:-1]


_IRREGULAR_PLURALS = {"messrs": "Mr", "mesdames": "Madame", "messieurs": "Monsieur"}


# Courtesy titles that may follow an office before a name: "Cllr Mrs J Kettering".
COURTESY = r"Mrs|Mr|Ms|Miss|Dr"
# The chair's own title: "Chair", "Chairman", "Chairwoman", "Chairperson" (longest first).
CHAIR = r"Chair(?:man|woman|person)?"
# Who presides over a meeting by title: the chair, a mayor, an Irish council's Cathaoirleach.
PRESIDING = rf"{CHAIR}|Mayor|Cathaoirleach"
# A councillor, spelt the British and the American way.
COUNCILLOR = r"Councillor|Councilor"
# A member of an American council: "Council Member", "Councilmember", "Councilman".
COUNCIL_MEMBER = r"Council\s+Member|Councilmember|Councilman|Councilwoman"
# A member of a council of aldermen.
ALDERMAN = r"Alderman|Alderwoman"
# Members of boards, commissions and supervisors' boards, by their own title.
BOARD_TITLE = r"Commissioner|Supervisor|Trustee"
# A board's member named as such: "Board Member", "Boardmember".
BOARD_MEMBER = r"Board\s+Member|Boardmember"
# A member of a New England town's board of selectmen.
SELECTMAN = r"Selectman|Selectwoman"
# Plural titles that name each person after them: "Councillors A and B", "Cllrs A, B and C".
# No word is the start of another, so each reader may add its own in any order.
PLURAL_TITLES: tuple[str, ...] = (
    "Councillors", "Councilors", r"Cllrs\.?", r"Crs\.?", "Councilmen", "Commissioners",
    "Aldermen", "Selectmen", "Trustees", "Supervisors", "Directors", "Members", "Clerks",
)  # fmt: skip
# Officers' job titles attendance and speakers both read: "Planning Manager", "Borough Solicitor".
# No word is the start of another, so the order of the words never changes what is read.
OFFICER_TITLES: tuple[str, ...] = (
    "Secretary", "Treasurer", "Manager", "Attorney", "Solicitor", "Officer", "Engineer",
    "Planner", "Coordinator", "Administrator", "Adviser", "Advisor", "Analyst", "Accountant",
    "Auditor", "Counsel", "Lawyer", "Superintendent",
)  # fmt: skip
