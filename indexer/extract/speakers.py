"""Who said what within an item.

"Councillor X said", "In response to a question from Councillor Y, the Cabinet Member for Z
said", "Derek Benson, Chairman of ..., attended to present" and later "Mr Benson".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from indexer import trace
from indexer.extract import titles
from indexer.extract.items import PAGE_MARKER
from indexer.model import Contribution

# Titles before a name, in the minutes of any English-speaking country: "Councillor", "Cllr",
# "Cr", "Councilmember", "Supervisor", "Board Member", "Vice Mayor/Board Member", "Clerk".
_TITLE_HEAD = (
    rf"(?:County\s+Councillor|Borough\s+Councillor|{titles.COUNCILLOR}|Cllr\.?|Cr\.?"
    rf"|{titles.COUNCIL_MEMBER}|{titles.ALDERMAN}|Ald\.?|{titles.BOARD_TITLE}|{titles.SELECTMAN}"
    rf"|Reeve|Warden|{titles.BOARD_MEMBER}"
    rf"|Committee\s+Member|Staff\s+Member|Member|Mayor|President|{titles.CHAIR}"
    r"|Director|Clerk|Treasurer|Secretary|Manager|Attorney|Auditor|Engineer|Planner"
    r"|Chief|Superintendent|PCSO|PC|Sgt\.?|Sergeant|Inspector)"
)
_TITLE_PREFIX = (
    r"(?:(?:Vice|Deputy|Acting|Interim|Assistant|Chief|Lord|Town|City|Parish|County|Borough|District"
    r"|Executive|General|Fire|Police|Planning|Finance|Public\s+Works|Pro\s+Tem|First|Second"
    r"|Committee)(?:\s+|(?<=Vice)-))*"
)
_TITLE = rf"{_TITLE_PREFIX}{_TITLE_HEAD}(?:\s*/\s*{_TITLE_PREFIX}{_TITLE_HEAD})*"
HONORIFIC = (
    rf"(?:{_TITLE}|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|Professor|Prof\.?|Sir|Dame|Lord|Lady"
    r"|Reverend|Rev\.?|Rabbi|Pastor|Imam)"
)
_WORD = (
    r"(?:[A-Z](?:\.|\b)|[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’-]+)?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+"
    r"|O['’][A-Z][a-z]+|[a-z]{1,3}[A-Z][a-z]+|[A-Z][a-z]{1,2}[A-Z][a-z]+)"
)
PERSON = rf"{HONORIFIC}(?:\s+(?:Mrs|Mr|Ms|Dr)\.?)?(?:\s+{_WORD}){{1,4}}"
FULL_NAME = rf"(?!The\b|This\b|In\b|It\b|A\b){_WORD}(?:\s+{_WORD}){{1,3}}"
# Officers read by title after "the" and a few words ("the Senior Planner"), as well as the
# shared ones.
_OFFICERS_NAMED = ("Clerk", "Surveyor", "Director", "Specialist")
_OFFICE_WORDS = titles.alternatives(titles.OFFICER_TITLES + _OFFICERS_NAMED)
# An office of one word ("the Clerk", "the Treasurer"), a speaker only when the attendance
# names who holds it.
_LONE_OFFICE_RE = re.compile(rf"(?:{titles.alternatives(titles.OFFICER_TITLES)}|Clerk|Surveyor)")
# A person and the office the attendance gives them: "Peter King, Parish Clerk", "Mr Ann Wu
# (Director of Finance)", "Marlon Romero - Acting Library Director".
_HOLDER_RE = re.compile(
    rf"(?P<name>{FULL_NAME})\s*(?:,|\(|\s[-–])\s*(?:the\s+)?(?P<office>(?:[A-Z][a-z]+\s+){{0,3}}"
    rf"(?:{_OFFICE_WORDS})(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)"
    r"{0,3})?)\b"
)
# "Culture, Leisure and Libraries"; never running on into "be asked" (a passive: not speech)
_OFFICE = r"[A-Z](?:(?!\s+and\s+the\s|\s+(?:be|been|being)\s)[\w,&' ])+?"
ROLE = (
    rf"(?:[Tt]he\s+)?(?:Deputy\s+|Vice[- ])?(?:{titles.CHAIR}"
    rf"|Leader\s+of\s+the\s+Council|Mayor"
    rf"|Cabinet\s+Member\s+(?:with\s+[Rr]esponsibility\s+)?for\s+{_OFFICE}"
    rf"|Portfolio\s+Holder\s+for\s+{_OFFICE}"
    r"|(?:Director|Head|Chief\s+Executive|Assistant\s+Director)"
    rf"(?:\s+(?:of|for)\s+{_OFFICE})?"
    r"|(?<=[Tt]he\s)(?:[A-Z][a-z]+\s+(?:and\s+)?){0,4}"
    rf"(?:{titles.alternatives(titles.OFFICER_TITLES + _OFFICERS_NAMED)}))"
)
VERBS = (
    "said|says|asked|asks|responded|responds|replied|replies|stated|states|noted|notes|explained"
    "|explains|commented|comments|added|adds|queried|queries|suggested|suggests|proposed"
    "|reported|reports|introduced|highlighted|welcomed|expressed|confirmed|confirms|advised"
    "|advises|informed|informs|questioned|raised|felt|thanked|thanks|agreed|pointed\\s+out"
    "|presented|presents|outlined|emphasised|emphasized|stressed|believed|indicated|indicates"
    "|requested|requests|sought|urged|argued|spoke|told|tells|undertook|clarified|acknowledged"
    "|summarised|summarized|concluded|gave|gives|updated|updates|reminded|reminds|supported"
    "|opposed|declared|circulated|wished|considered|assured|accepted|inquired|inquires|enquired"
    "|enquires|mentioned|mentions|discussed|discusses|recommended|recommends|addressed|shared"
    "|voiced|provided|announced|described|requested|thought|wondered|offered|asks|speaks|proposes"
    "|encouraged|encourages|commended|cautioned|called\\s+for|objected|answered|remarked|observed"
    "|reiterated|recalled|congratulated|praised|apologised|apologized|notified|nominated"
    "|disagreed|did\\s+not\\s+agree|feels|sees|reviewed|went\\s+over|walked\\s+through"
    "|talked(?:\\s+(?:through|about))?|talks|invited|recogni[sz]ed"
    "|ha[sd]\\s+nothing\\s+to\\s+report|advise|report|raise|explain"
    "|favou?red|was\\s+wondering|(?:was|is|were)\\s+(?:curious|surprised|concerned|pleased|disappointed|supportive)"
    "|had\\s+(?:a\\s+)?(?:questions?|concerns?|comments?)|made\\s+(?:a\\s+)?(?:suggestions?|point)"
    "|made\\s+(?:\\w+\\s+)?(?:announcements?|presentations?|a\\s+presentation|comments?|remarks|a\\s+statement)"
    "|read\\s+(?:out|aloud|(?:a|an|the|her|his|their)\\s+(?:poem|statement|proclamation|letter))"
)
# Speaking verbs that make a bare, unknown name a speaker ("Jane Roe spoke in opposition").
_STRONG_VERBS = (
    r"said|says|stated|states|asked|asks|spoke|speaks|commented|comments|inquired|inquires"
    r"|enquired|enquires|expressed|urged|questioned|addressed|voiced|called\s+for|encouraged"
    r"|requested|requests|suggested|suggests|reported|reports|responded|replied|explained"
    r"|presented|thanked|shared|cautioned|commended|objected|noted|notes|provided|gave"
    r"|discussed|discusses|talked|talks|talked\s+(?:through|about)|invited|favou?red"
)
_LEAD = (
    r"(?:(?:In\s+(?:reply|response|answer|addition|closing)|However|Also|Finally|Furthermore"
    r"|Then|Both|(?:Under|During|After|Following)\s+(?:the\s+)?(?:discussion|debate|questions"
    r"|the\s+presentation)),?\s+)?"
)
_PAREN = r"(?:\s*\([^)]{1,80}\))?"
_ADVERB = r"(?:\s+(?:also|then|further|again|had|would|strongly|briefly|then\s+also))?"
_VERB = rf"{_ADVERB}\s+(?:{VERBS})\b"
_STRONG_VERB = rf"(?:\s+(?:also|then|further|again|strongly|briefly))?\s+(?:{_STRONG_VERBS})\b"
# "In response to a question from X": X asked; who answered follows, named or not.
_ASKED = (
    rf"In\s+(?:response|reply|answer)\s+to\s+(?:a\s+)?(?:questions?|queries|a\s+query)\s+"
    rf"(?:from|by)\s+(?P<asker>{PERSON}){_PAREN}"
)
_QUESTION_RE = re.compile(rf"{_ASKED},?\s+(?P<answerer>{PERSON}|{ROLE}){_PAREN},?{_VERB}")
_ASKER_RE = re.compile(rf"{_ASKED},")
# A second office held by the same person: "The Interim City Manager/Interim Executive Director".
_ALSO_OFFICE = (
    r"(?:\s*/\s*(?:[A-Z][a-z]+\s+){0,3}(?:Director|Manager|Secretary|Clerk|Officer|Treasurer"
    r"|Attorney|Engineer|Administrator|Executive|Controller|Auditor))?"
)
_SUBJECT_RE = re.compile(rf"^{_LEAD}(?P<who>{PERSON}|{ROLE}){_ALSO_OFFICE}{_PAREN},?{_VERB}")
_APPOSITION_RE = re.compile(
    rf"^{_LEAD}(?:(?P<role>{ROLE}),\s+(?P<who>{PERSON})|(?P<who2>{PERSON}),\s+(?P<role2>{ROLE})),{_VERB}"
)
# A name with who they are or where they come from, then a speaking verb: "Jane Roe, Alameda,
# stated", "Ken Lee, Vice President, Island Poets, stated", "Ann Wu, Planner II, presented".
_INTRO_RE = re.compile(
    rf"^(?P<who>{PERSON}|{FULL_NAME}),\s+(?P<role>[^.;:]{{2,120}}?)(?:\s+\([A-Z]{{2,8}}\))?,?"
    rf"(?:\s+(?:attended|was\s+present|addressed|spoke)|{_VERB})"
)
# A name and the body they come from, then a speaking verb: "Maria Henderson from AC Transit
# gave a presentation", "Tom Ode of the Civic Society spoke".
_FROM_RE = re.compile(
    rf"^(?P<who>{FULL_NAME})\s+(?:from|of|representing)\s+(?:the\s+)?"
    rf"(?P<role>[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){{0,5}}),?(?:{_VERB})"
)
# A name alone before a speaking verb: "Dick Dillon suggests", "Jane Roe spoke".
_BARE_RE = re.compile(rf"^{_LEAD}(?P<who>{FULL_NAME}){_PAREN},?(?P<verb>{_VERB})")
# Initials standing for a member introduced as "Paula Kellingray (PK)": "PK reported".
_INITIALS_RE = re.compile(rf"^{_LEAD}(?P<who>[A-Z]{{2,3}}){_VERB}")
_INTRODUCED_INITIALS_RE = re.compile(rf"(?P<name>{FULL_NAME})\s*\((?P<code>[A-Z]{{2,3}})\)")
# Who read, led or gave something: "Presented by Committee Chair Dishell.", "Read by Director X."
_BY_RE = re.compile(
    rf"^(?:Presented|Read|Led|Lead|Given|Introduced|Delivered)\s+by\s+(?:the\s+)?"
    rf"(?P<who>{PERSON}|{ROLE}|{FULL_NAME})"
)
# Who read or gave something, said after it: "The crime summary was read out by Frank Reid."
_PASSIVE_BY_RE = re.compile(
    rf"\b(?:was|were)\s+(?:read\s+out|read|presented|given|introduced)\s+by\s+(?:the\s+)?"
    rf"(?P<who>{PERSON}|{FULL_NAME})"
)
# A member's declaration of interest, listed: "Cllr. P. Harries – Agenda Item 5 - ...",
# "Cllr H. Gwynne, Item 11".
_DECLARES_RE = re.compile(
    rf"^(?P<who>{PERSON})\s*[-–—,:]\s*(?:in\s+)?(?:Agenda\s+)?(?:Item|Minute)\s+(?:No\.?\s*)?\d",
    re.IGNORECASE,
)
# A titled member's turn set off by a dash: "Cllr Denny - Could speed signs be moved?"
_DASH_TURN_RE = re.compile(rf"^(?P<who>{PERSON})\s+[-–—]\s*(?P<said>[A-Za-z].*)$")
# A second speaker within the sentence: "..., to which the Supervising Planner responded ...".
_ANSWERS = (
    r"\s+(?:responded|replied|answered|stated|said|explained|advised|confirmed|announced"
    r"|reported)\b"
)
_TO_WHICH_RE = re.compile(rf"\bto\s+which\s+(?P<who>{PERSON}|{ROLE}|{FULL_NAME}){_ANSWERS}")
# Welsh puts the verb first, in the past tense in -odd: "Dywedodd y Cyng. J. Davies ...",
# "Dymunodd y Cadeirydd, y Cyng. Joseph Davies, ...", and "Fe wnaeth y Cyng. P. Harries ddatgan
# ..." ("Cllr P. Harries declared ...").
_WELSH_RE = re.compile(
    rf"^(?:Fe\s+)?(?:[A-Z]\w+odd|wnaeth)\s+y\s+(?:Cadeirydd,?\s+y\s+)?"
    r"(?P<title>(?:Cynghorydd(?:\s+Sir)?|Cyng\.?)(?:\s+(?:Mrs|Mr|Ms|Dr)\.?)?)"
    rf"(?P<name>(?:\s+{_WORD}){{1,4}})"
)
# French minutes: "M. Dupont indique que ...", "Mme la Maire présente le rapport", "Monsieur
# Martin, adjoint aux finances, répond que ...".
_FRENCH_RE = re.compile(
    r"^(?:(?P<who>(?:M\.|Mme|Mlle|Monsieur|Madame)\s+(?:(?:le|la)\s+(?:Maire|Pr[ée]sidente?)"
    rf"|(?:{_WORD}\s+){{0,2}}{_WORD}))"
    # Québec: "Le conseiller Jean-Pierre Bouchard demande si ..."
    rf"|(?:Le|La)\s+conseill[eè]re?\s+(?P<member>(?:{_WORD}\s+){{0,2}}{_WORD}))"
    r"(?:\s*,\s*[^,.;:]{2,80},)?\s+"
    r"(?:indique|pr[ée]cise|explique|pr[ée]sente|rappelle|propose|demande|r[ée]pond|souligne"
    r"|informe|expose|d[ée]clare|ajoute|estime|signale|remercie|annonce|souhaite|intervient"
    r"|s['’]interroge|fait\s+(?:part|remarquer|savoir)|donne\s+lecture|rend\s+compte)\b"
)
# Chairing, not speaking: "Chair Kemp declared the motion PASSED", "asked for a motion to
# approve", "called for a vote", "called the roll".
_PROCEDURE_RE = re.compile(
    rf"^(?:{PERSON}|{ROLE}|{FULL_NAME})\s+(?:declared\s+(?:the\s+(?:motion|item|vote|result"
    r"|resolution|meeting)|(?:it\s+)?(?:carried|passed|adopted|lost|failed|closed|open))"
    r"|(?:asked|called)\s+for\s+(?:a\s+|the\s+)?(?:motion|second|vote|roll|question)"
    r"|called\s+the\s+roll)\b"
)
# A titled member answering after a comma or "and": "Cllr Ryves asked ..., Cllr Mrs Leamon
# stated ...", "the meeting was reconvened and Mayor Johnson announced ...".
_THEN_RE = re.compile(rf"(?:[,;]|\band)\s+(?P<who>{PERSON}|{ROLE}){_ANSWERS}")
# Noted speech: "it being noted that Councillor Rahman presented", "It was noted that Cllr X said".
_NOTED_RE = re.compile(rf"\b(?:noted|recorded)\s+that\s+(?P<who>{PERSON}){_VERB}", re.IGNORECASE)
# Titles for several people: "Councillors A and B", "Cllrs A and B", "Directors A, B and C";
# besides the shared ones, American spellings and "Messrs".
_PLURALS = (
    r"Council\s+Members", "Councilmembers", "Alderwomen", r"Board\s+Members", "Boardmembers",
    r"Committee\s+Members", r"Messrs\.?",
)  # fmt: skip
_PLURAL_TITLE = (
    rf"(?:(?:Vice\s+|Deputy\s+)?(?:{titles.alternatives(titles.PLURAL_TITLES + _PLURALS)}))"
)
_ONE = rf"(?:(?:{_PLURAL_TITLE}|{_TITLE})\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}"
_SEVERAL = rf"{_ONE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ONE}){{1,9}}"
_SEVERAL_RE = re.compile(rf"^{_LEAD}(?P<who>{_SEVERAL}),?{_VERB}")
# "Discussion ensued among Councilmembers A, B and C."
_DISCUSSION_RE = re.compile(
    rf"^(?:Discussion|Debate)\s+(?:ensued|followed|took\s+place)\s+(?:among|between|with)\s+"
    rf"(?:the\s+)?(?P<who>{_ONE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ONE}){{0,9}})"
)
# A label opening a list of speakers: "Speakers: A, Alameda; B", "Public comment: A, B",
# "Proponents (In favor of appeal): A", "Expressed support for the project: A, B".
_LIST_LABEL_RE = re.compile(
    r"^(?:(?:Public\s+)?Speakers?|Public\s+(?:Comments?|Speakers?|Testimony|Input)|Proponents?"
    r"|Opponents?|(?:Spoke|Speaking)\s+(?:in\s+)?(?:support|favou?r|opposition|against)"
    r"|Expressed\s+(?:support|opposition|concerns?)|In\s+(?:support|favou?r|opposition)"
    r"|Delegations?|Delegates)\b[^:.]{0,80}:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A line listing speakers after its label, a paragraph of its own even among lines that do
# not end sentences ("Speakers included: Objector – Mr R Bolt; Supporter – Mrs K Venn").
_LIST_LINE_RE = re.compile(
    r"^[ \t]*(?:(?:Public\s+)?Speakers?|Delegations?|Proponents?|Opponents?)\b[^:.\n]{0,40}:"
    r"[ \t]*\S[^\n]*$"
    # the list ends where a sentence opens the next line (a list's entries wrap anywhere)
    r"(?P<ends>(?<![,;&])(?<!\band)(?=\n[ \t]*(?-i:The|An?|In|It|This|There|He|She|They|Following"
    r"|After|Mayor|Vice|Chair|Council\s*[Mm]ember|Councill?or|Cllr|Commissioner|Mr|Mrs|Ms|Dr)\b))?",
    re.IGNORECASE | re.MULTILINE,
)
# The part a listed speaker played, before their name: "Objector – Mr R Bolt", "Ward Member -".
_PART_BEFORE_RE = re.compile(
    r"^(?:Objectors?|Supporters?|Applicants?|Agents?|Ward\s+(?:Member|Councillor)s?"
    r"|Parish\s+(?:Council|Councillor)s?|Town\s+Council|Proponents?|Opponents?)\s*[-–—:]\s*",
    re.IGNORECASE,
)
# What a speaker said first, their name after a colon at the end, with no subject before the
# verb: "Stated that she supports the plan: Jane Roe, Eastvale."
_SPEAKER_LAST_RE = re.compile(rf"^(?i:{VERBS})\b[^:]{{3,400}}:\s*(?P<rest>[A-Z][^:]{{2,120}})$")
# A sentence that introduces speakers listed after it: "The following speakers addressed the
# Council:", "the following individuals made verbal presentations at the meeting:".
_FOLLOWING_RE = re.compile(
    r"\bfollowing\s+(?:(?:speakers?|delegations?|delegates)\b[^:]{0,160}"
    r"|(?:individuals?|persons?|people|residents?|members\s+of\s+the\s+public)\b[^:]{0,80}"
    r"(?:spoke|speak|addressed|presentations?|comments?|submissions?|delegations?|testimony"
    r"|heard)[^:]{0,80}):\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# The mark opening a list line or an item's reference: "1.", "12)", "-", "•", "(05-020)".
_MARKER_RE = re.compile(
    r"^\s*(?:\(\s*\*?[\w./-]{1,15}(?:[ \t/]+\*?[\w./-]{1,15}){0,3}\s*\)"  # (10-037 CC)
    r"|\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|[-•*▪·–])\s+"
)
# A line opening with a number, which starts a sentence of its own: "\n47. Roz spoke ...".
_NUMBERED_LINE_RE = re.compile(r"\n(?=[ \t]*\d{1,3}[.)][ \t]+[A-Z])")
# One given name before a speaking verb, on a numbered line: "49. Roz spoke in support."
_ONE_NAME_RE = re.compile(rf"^(?P<who>[A-Z][a-zà-ÿ'’-]+){_STRONG_VERB}")
# An entry of a list of speakers: a line with a list mark, or a name ending with ";" or ",".
_ENTRY_RE = re.compile(rf"{_MARKER_RE.pattern}|^(?=.{{2,120}}[;,](?:\s*and,?)?\s*$)")
# A field label before the minutes' words: "MINUTES: Councillor X said ...".
_FIELD_PREFIX_RE = re.compile(r"^(?:Minutes|Discussion|Notes?|Summary|Comments?)\s*[:;]\s+", re.I)
# A line opening with such a label, which starts a paragraph of its own even when the line
# before it ends with no full stop ("... COMPENSATION PLAN" / "MINUTES: Councilmember X spoke").
_FIELD_LINE_RE = re.compile(r"\n(?=[ \t]*(?:Minutes|Discussion|Notes?|Summary)[ \t]*[:;])", re.I)
# A title the PDF ran into the name after it: "MayorAmezcua", "AssistantCity Manager".
_GLUED_TITLE_RE = re.compile(
    r"\b(Mayor|Council(?:l?or|member)|Commissioner|Director|Supervisor|Trustee|Chair(?:man)?"
    r"|President|Assistant|Deputy|Acting|Chief|City|Vice|Manager|Attorney|Clerk|Secretary"
    r"|Treasurer)(?=[A-Z][a-z])"
)
# Where a listed name ends: its affiliation, a note, or what the person did.
_NAME_END_RE = re.compile(rf"\s*[,;(:]|{_VERB}|\s+(?:from|of|representing)\s")
# Capitalised words that open sentences or name bodies, places and roles: never a person's name.
_NOT_NAME_WORDS = (
    "the this that these those there it its a an all both each some any no none other another"
    " one two three on at in for with after before following during under upon since when while"
    " if as by from to of and or but also however further then finally furthermore council"
    " committee commission board staff members member public city county town village parish"
    " borough district state national planning works police fire services service office"
    " authority agency group association society club trust company inc llc ltd team residents"
    " resident everyone several many chair chairman chairwoman chairperson mayor vice deputy"
    " school library road street avenue centre center north south east west"
    " new general community housing transport transportation health safety finance budget"
    " report item agenda motion minutes resolution ordinance applicant appellant speaker"
    " speakers discussion officer officers manager director directors coordinator government"
    " relations department unidentified unknown anonymous january february march april june"
    " july august september october november december monday tuesday wednesday thursday"
    " friday saturday sunday councillors councilmembers commissioners trustees supervisors"
    " clerk clerks consent calendar closed session regular special meeting item items"
    " associates consulting consultants partners engineering architects corporation foundation"
    " institute university college bank limited developments homes properties design"
)
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
# A word of a name: a name word, short capitals ("EJ"), a nickname in quotes, a particle.
_NAME_WORD = (
    rf"(?:{_WORD}|[A-Z]{{2,3}}|[“\"][A-Z][a-z]+[”\"]"
    r"|(?:de|van|von|der|den|del|della|da|di|du|la|le)(?=\s))"
)
_NAMES = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
# A title after a name's first word, which shows the words before it are not a name.
_INNER_TITLE_RE = re.compile(
    rf"^\S+\s+(?:\S+\s+)*?(?:Cllr|{titles.COUNCILLOR}|{titles.COUNCIL_MEMBER}|{titles.COURTESY}"
    rf"|Mayor|{titles.BOARD_TITLE}|{titles.ALDERMAN})\.?\s"
)
# What shows the words after a name are not who the person is: "A, seconded by B, moved".
_NOT_ROLE_RE = re.compile(
    r"\b(?:seconded|moved|by|which|that|when|after|following|if|because)\b", re.IGNORECASE
)
# Asides between a speaker's name and verb: how they attended, and where in the recording they
# spoke: "Jane Roe, via Zoom, (*36:54) discussed ...", "Tom Lee, in person, said ...".
_ASIDE_RE = re.compile(
    r"\s*\(\*?\d{1,2}:\d{2}(?::\d{2})?\)|(?<=,)\s*(?:in\s+person|via\s+(?:Zoom|Teams|Webex"
    r"|(?:tele)?phone|video(?:conference)?)|by\s+(?:(?:tele)?phone|video)|remotely|virtually|online)"
    r"(?=\s*[,(])\s*,?"
)
# A transcript turn inside minutes: "Smith: I move approval.", "Mayor Lago: Thank you."
_TURN_RE = re.compile(rf"^(?P<who>{PERSON}|{FULL_NAME}|{_WORD}):\s+(?P<said>\S.*)$")
# A line that opens such a turn, so that turns on lines of their own part there.
_TURN_LINE_RE = re.compile(rf"\n(?=[ \t]*(?:{PERSON}|{_WORD}(?:\s+{_WORD}){{0,3}}):\s)")
# Words that show a turn says something: a person speaking, not a field ("Action: Approve",
# "Mr J Bloggs: Head of Planning") or a vote ("Councilmember Hale: Aye").
_SPEECH_RE = re.compile(
    r"\b(?:I|I'm|I'll|I've|I'd|we|we're|we'll|you|my|our|us|thank|thanks|move|second|yes"
    r"|okay|OK|so|think|would|will|can|could|should|is|are|was|were|have|has|do|does)\b",
    re.IGNORECASE,
)
# What a known person's turn says when it holds none of those words: a sentence of three words
# or more ("Ellis: They held two meetings.", "Garber: All in favor?").
_SAID_SENTENCE_RE = re.compile(r"^[A-Z\"“'‘][^:]*?(?:\s+\S+){2,}[.?!][\"”’]?$")
# Words of a label that is a heading or a field, not a person: "Member Comments:".
_FIELD_RE = re.compile(
    r"\b(?:Comments?|Reports?|Updates?|Items?|Business|Action|Motion|Matters|Minutes|Agenda"
    r"|Present|Absent|Apologies|Note|Resolved|Time|Date|Questions?|Announcements?|Forum)\b",
    re.IGNORECASE,
)
# A bare answer to a roll call or a vote ("Aye.", "Present", "Abstain"): no speech of its own.
ANSWER_RE = re.compile(
    r"^(?:aye|nay|yes|no|yea|present|here|absent|abstain(?:ed)?|recused?|excused)\W*$", re.I
)
# The dash after a heading run into a paragraph, and how long such a heading is at most.
_RUN_IN_DASH_RE = re.compile(r"\s[-–—]\s+(?=[A-Z])")
_RUN_IN_HEADING = 160
# A line naming the chair and no more: the front matter's "Chairman: Jane Ritchie", or the
# minutes signed "Chairman: J O Ritchie" under their last item.
_CHAIR_LINE_RE = re.compile(
    rf"^[ \t]*(?:Signed[ \t]*:?[ \t]*)?(?:{titles.CHAIR})[ \t]*:[ \t.…_]*(?P<name>{_NAMES})[ \t]*$",
    re.MULTILINE,
)
# A short line of capitalised words between sentences, with no stop of its own: a running
# head ("Regular Meeting", "Page 7 of 7") or a heading ("Public Comment for 6A") that the text
# glued to the sentence after it, which must not hide that sentence's speaker.
_HEADING_LINE_RE = re.compile(
    r"(?:^|(?<=[.!?:]\n))(?P<line>[ \t]*(?:[A-Z0-9][\w/&'’-]*,?|of|and|for|the|to|in|on|at)"
    r"(?:[ \t]+(?:[A-Z0-9][\w/&'’-]*,?|of|and|for|the|to|in|on|at)){0,5}"
    r"(?<![,.;:!?]))[ \t]*\n(?=[ \t]*[A-Z])",
    re.MULTILINE,
)
# A page marker a text extraction put on a line of its own ("--- PAGE 22 ---"): a break
# between paragraphs, as the page's end was.
_PAGE_LINE_RE = re.compile(PAGE_MARKER.pattern, re.IGNORECASE | re.MULTILINE)
_CONTINUES_RE = re.compile(r"^(?:He|She|They|The\s+(?:Councillor|Member)|In\s+addition)\b")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z])")


@dataclass(frozen=True)
class _Said:
    speaker: str
    role: str | None
    sentence: str
    starts: bool


# A recording's time ending a line ends its note ("... recused herself from this item, (*7:29)"
# / "David Sablan, Planner II, introduced ..."); inside a line it is an aside (_ASIDE_RE).
_LINE_END_TIME_RE = re.compile(r"[ \t]*[(\[]\*?\d{1,2}:\d{2}(?::\d{2})?[)\]][ \t]*$", re.M)


def find_contributions(text: str, known: Roster | Iterable[str] = ()) -> list[Contribution]:
    """Return each speaker's contribution in ``text``; ``known`` names resolve short forms."""
    people = known if isinstance(known, Roster) else Roster(known)
    people.learn_initials(text)
    contributions: list[Contribution] = []
    listing = False
    text = _FIELD_LINE_RE.sub("\n\n", _TURN_LINE_RE.sub("\n\n", _PAGE_LINE_RE.sub("", text)))
    text = _LIST_LINE_RE.sub(_own_paragraph, text)
    text = _LINE_END_TIME_RE.sub(".", text)
    for paragraph in re.split(r"\n\s*\n", text):
        current: _Said | None = None
        buffer: list[str] = []
        if presenter := _heading_presenter(paragraph, people):
            contributions.append(Contribution(presenter, paragraph.strip()))
            continue
        sentences = _sentences(paragraph, listing)
        for index, sentence in enumerate(sentences):
            said, listing = _read(sentence, people, listing)
            if said and _proposes_a_motion(sentences[index : index + 2]):
                _flush(contributions, current, buffer)
                current, buffer = None, []
            elif said:
                _flush(contributions, current, buffer)
                for extra in said[:-1]:
                    contributions.append(Contribution(extra.speaker, extra.sentence, extra.role))
                current, buffer = said[-1], [said[-1].sentence]
            elif current is not None and (buffer or _CONTINUES_RE.match(sentence)):
                buffer.append(sentence)
        _flush(contributions, current, buffer)
    return _merge(contributions)


# Items of the public's turn to speak, whose minutes may list the speakers' names alone.
_PUBLIC_TURN_RE = re.compile(
    r"\b(?:public\s+(?:participation|comments?|speakers?|forum|input|testimony|question)"
    r"|oral\s+communications?|citizens?\s+(?:comments?|participation|to\s+be\s+heard)"
    r"|delegations?|deputations?|audience\s+participation|persons?\s+to\s+be\s+heard)\b",
    re.IGNORECASE,
)


# Items of ceremony led by someone named beside the heading.
_CEREMONY_RE = re.compile(
    r"\b(?:pledge|invocation|inspiration|prayers?|reflection|land\s+acknowledge?ment)\b",
    re.IGNORECASE,
)


def ceremony_leader(title: str, text: str, people: Roster) -> list[Contribution]:
    """Return who led an item of ceremony, named beside its heading ("PLEDGE OF ALLEGIANCE
    Frida Ramirez", "INVOCATION: Pastor Neil Cross", "Invocation - Rabbi Sobel")."""
    if not _CEREMONY_RE.search(title):
        return []
    first = text.strip().split("\n", 1)[0]
    rest = first[len(title) :] if first.lower().startswith(title.lower()) else ""
    match = _TITLE_PRESENTER_RE.search(title)
    written = match.group("who") if match else rest.strip(" :–—-")
    name = _listed_name(written.split(",")[0], single=False) if written else None
    if not name:
        return []
    trace.note("speaker", name, "named beside the heading of a ceremony", title)
    return [Contribution(people.resolve(name), first)]


def listed_speakers(title: str, text: str, people: Roster) -> list[Contribution]:
    """Return the speakers an item of the public's turn lists by name alone, a name a line
    ("Public Participation" / "Andrea Brandes" / "Curtis Chong"), in a block of its own."""
    if not _PUBLIC_TURN_RE.search(title):
        return []
    listed = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_MARKER_RE.sub("", line).strip() for line in block.splitlines() if line.strip()]
        if lines and all(len(line) <= 60 and _is_name(line) for line in lines):
            for line in lines:
                trace.note("speaker", line, "a name alone on its line in the public's turn", title)
                listed.append(Contribution(people.resolve(line), line))
    return listed


# Who presents an item, named after its title: "Financial Report – Peter Agate", "Friends of
# the Library (M. Romero)".
_TITLE_PRESENTER_RE = re.compile(r"(?:\s[-–—]\s*|\s*\()(?P<who>[^()\-–—]{3,60}?)\)?\s*$")


def title_presenter(title: str, people: Roster) -> str | None:
    """Return the member of the meeting an item's title names as its presenter, or None: only
    a name the attendance gives, so "Council Vacancy – Co-option" names no one."""
    match = _TITLE_PRESENTER_RE.search(title)
    who = match.group("who").strip() if match else ""
    if not who or not _is_name(who) or not people.knows_person(who):
        return None
    trace.note("speaker", who, "the presenter named after the item's title", title)
    return people.resolve(who)


def _heading_presenter(paragraph: str, people: Roster) -> str | None:
    """Return the member a heading inside an item names as giving its part, or None: a line of
    its own, "Highways – Tom Roberts" (in Markdown "**_Highways – Tom Roberts_**"), naming
    someone the attendance gives."""
    line = paragraph.strip().strip("*_ ")
    if "\n" in line or len(line) > 80 or not re.search(r"\s[-–—]\s", line):
        return None
    return title_presenter(line, people)


def _proposes_a_motion(sentences: list[str]) -> bool:
    """Tell "Cllr X proposed that ..." when a seconder follows: moving a motion, not speech."""
    opening = _FIELD_PREFIX_RE.sub("", _MARKER_RE.sub("", sentences[0].strip()))
    proposer = re.match(rf"^(?:{PERSON}|{FULL_NAME}){_PAREN},?\s+propos(?:ed|es)\b", opening)
    return bool(proposer) and bool(re.search(r"\bsecond", " ".join(sentences), re.IGNORECASE))


def _own_paragraph(line: re.Match[str]) -> str:
    """Start a paragraph at a line listing speakers, and another after it where a sentence
    follows."""
    return f"\n\n{line.group(0).strip()}" + ("\n\n" if line.group("ends") is not None else "")


def _sentences(paragraph: str, listing: bool) -> list[str]:
    """Split a paragraph into sentences, and a list of speakers into its lines."""
    paragraph = _HEADING_LINE_RE.sub(r"\g<line>.\n", paragraph)
    if not (listing or _FOLLOWING_RE.search(re.sub(r"\s+", " ", paragraph))):
        return [s for line in _NUMBERED_LINE_RE.split(paragraph) for s in split_sentences(line)]
    lines = re.split(r"\n(?=\s*(?:\d{1,3}[.)]|[-•*▪·–])\s)", paragraph)
    return [s for line in lines for s in ([line.strip()] if _MARKER_RE.match(line) else
            split_sentences(line))]  # fmt: skip


def _read(sentence: str, people: Roster, listing: bool) -> tuple[list[_Said], bool]:
    """Return who speaks in ``sentence`` and whether a list of speakers is open after it."""
    if listing and (marker := _ENTRY_RE.match(sentence)):
        name = _listed_name(sentence[marker.end() :], single=True)
        return ([_Said(people.resolve(name), None, sentence, True)] if name else []), True
    if listing and not re.search(r"[a-z]", sentence):
        return [], True  # a running head or page number inside the list
    bare = _FIELD_PREFIX_RE.sub("", sentence.strip())
    if match := _FOLLOWING_RE.search(bare) or _LIST_LABEL_RE.match(bare):
        rest = match.group("rest").strip()
        names = _listed_names(rest) if rest else []
        return [_Said(people.resolve(n), None, sentence, True) for n in names], not rest
    if match := _SPEAKER_LAST_RE.match(bare):
        names = _listed_names(match.group("rest").strip())[:1]
        for name in names:
            trace.note("speaker", name, "what was said, then ': Name'", sentence)
        return [_Said(people.resolve(n), None, sentence, True) for n in names], False
    return _attribute(sentence, people), False


def _listed_names(text: str) -> list[str]:
    """Return the names of a list: "A, Alameda; B, Oakland" or "A, B and C"."""
    if ";" in text:
        entries = [e for part in text.split(";") for e in re.split(r",\s*and\s+", part)]
        return [n for n in map(_listed_name, entries) if n]
    parts = [p for p in re.split(r",|\band\b|&", text) if p.strip()]
    if not re.search(r"\band\b|&", text):
        return [n for n in [_listed_name(parts[0])] if n]  # "A, Chamber of Commerce"
    places = any(len(p.split()) == 1 and not _listed_name(p) for p in parts)
    names: list[str] = []
    after_name = False
    for part in parts:
        name = _listed_name(part)
        if name and not (places and after_name):  # "A, Alameda, and B, Oakland": pairs
            names.append(name)
        after_name = bool(name) and not after_name
    return names


def _listed_name(entry: str, single: bool = False) -> str | None:
    """Return the name an entry of a list of speakers opens with, or None."""
    entry = re.sub(r"^(?:and|&)\s*,?\s*", "", _MARKER_RE.sub("", entry.strip()))
    entry = _PART_BEFORE_RE.sub("", entry)
    name = _tidy(_NAME_END_RE.split(entry, maxsplit=1)[0])
    return name if _is_name(name, single) else None


def _is_name(text: str, single: bool = False) -> bool:
    """Tell a person's name (titled, or two name words or more) from a place or a body."""
    text = _tidy(text)
    title = re.match(rf"(?:{HONORIFIC}\s+)+", text)
    rest = text[title.end() :] if title else text
    words = [w.strip(".,'’“”\"").lower() for w in rest.split()]
    ordinary = [w for i, w in enumerate(words) if i == 0 or len(w) > 1]  # "Kadisha A." is a name
    if _INNER_TITLE_RE.search(rest):
        return False  # "Seconded Cllr L Peake": words before a title are no part of a name
    if not words or any(w in _NOT_NAME for w in ordinary) or not re.fullmatch(_NAMES, rest):
        return False
    return any(len(w) > 1 for w in words) and (bool(title) or len(words) >= 2 or single)


def _flush(out: list[Contribution], said: _Said | None, buffer: list[str]) -> None:
    if said is not None and buffer:
        out.append(Contribution(said.speaker, " ".join(buffer), said.role))


def _merge(contributions: list[Contribution]) -> list[Contribution]:
    """Join a speaker's contributions that follow each other."""
    merged: list[Contribution] = []
    for item in contributions:
        if merged and merged[-1].speaker == item.speaker and item.text not in merged[-1].text:
            last = merged[-1]
            merged[-1] = Contribution(
                last.speaker, f"{last.text} {item.text}", last.role or item.role
            )
        elif not merged or merged[-1] != item:
            merged.append(item)
    return merged


def _attribute(sentence: str, people: Roster) -> list[_Said]:
    """Return who speaks in ``sentence`` (the asker first, then the one answering)."""
    sentence = sentence.strip()
    bare = _ASIDE_RE.sub("", _FIELD_PREFIX_RE.sub("", _MARKER_RE.sub("", sentence)))
    bare = _GLUED_TITLE_RE.sub(r"\1 ", bare)
    if _PROCEDURE_RE.match(bare):
        return []
    said = _first_speaker(bare, sentence, people) or _after_heading(bare, sentence, people)
    match = (_TO_WHICH_RE.search(bare) if said else None) or _THEN_RE.search(bare)
    if match:
        answerer, role = people.resolve_role(match.group("who"))
        nobody = answerer == role and bool(role and _LONE_OFFICE_RE.fullmatch(role))
        if answerer not in {s.speaker for s in said} and not nobody:
            said.append(_Said(answerer, role, sentence, True))
    return said


def _after_heading(bare: str, sentence: str, people: Roster) -> list[_Said]:
    """Return the speakers after a heading run into the sentence by a dash: "6.4 Speed
    Monitor - The Parish Clerk reported ...", "Police Report – PK said ..."."""
    for dash in _RUN_IN_DASH_RE.finditer(bare[:_RUN_IN_HEADING]):
        if said := _first_speaker(bare[dash.end() :], sentence, people):
            return said
    return []


def _first_speaker(bare: str, sentence: str, people: Roster) -> list[_Said]:
    """Return the speakers ``bare`` (the sentence without its list mark) opens with."""
    if match := _QUESTION_RE.search(bare):
        asker = people.resolve(match.group("asker"))
        answerer, role = people.resolve_role(match.group("answerer"))
        return [_Said(asker, None, sentence, True), _Said(answerer, role, sentence, True)]
    if match := _ASKER_RE.match(bare):  # the answer is an officer's, unnamed: "the officer"
        return [_Said(people.resolve(match.group("asker")), None, sentence, True)]
    if match := _APPOSITION_RE.match(bare):
        role = _tidy(match.group("role") or match.group("role2"))
        role = re.sub(r"^the\s+", "", role, flags=re.IGNORECASE)
        who = people.resolve(match.group("who") or match.group("who2"))
        people.holds(role, who)
        return [_Said(who, role, sentence, True)]
    if several := _several(bare, people):
        return [_Said(who, None, sentence, True) for who in several]
    if said := _introduced(bare, sentence, people):
        return [said]
    if said := _inline_turn(sentence, people):
        return [said]
    if match := _SUBJECT_RE.match(bare):
        speaker, role = people.resolve_role(match.group("who"))
        if role is None and len(speaker.split()) >= 3:
            people.add(speaker)  # a full name, so that a later "Ms Vance" resolves to it
        if speaker == role and _LONE_OFFICE_RE.fullmatch(role):
            return []  # "the Clerk" whom the attendance does not name: no one to name
        return [_Said(speaker, role, sentence, True)]
    if said := _numbered_one_name(bare, sentence):
        return [said]
    if match := _FRENCH_RE.match(bare):
        speaker, role = people.resolve_role(_tidy(match.group("who") or match.group("member")))
        return [_Said(speaker, role, sentence, True)]
    if match := _WELSH_RE.match(bare):
        return [_Said(_welsh_name(match, people), None, sentence, True)]
    return [_Said(who, role, sentence, True) for who, role in _other_forms(bare, people)]


def _welsh_name(match: re.Match[str], people: Roster) -> str:
    """Return the member a Welsh sentence names after its verb: the longest run of its
    capitalised words that is one of the meeting's people, else an initial or first name and
    a surname (Welsh capitalises more than names: "Joseph Davies Flwyddyn Newydd Dda")."""
    title, words = match.group("title"), match.group("name").split()
    for size in range(len(words), 0, -1):
        name = f"{title} {' '.join(words[:size])}"
        if people.knows_person(name) and size >= 2 - (len(words) == 1):
            return people.resolve(name)
    return people.resolve(_tidy(f"{title} {' '.join(words[:2])}"))


def _numbered_one_name(bare: str, sentence: str) -> _Said | None:
    """Return the speaker of a numbered line naming one by a given name only ("12. Roz spoke
    in support."): public speakers are often recorded so."""
    match = _ONE_NAME_RE.match(bare) if _MARKER_RE.match(sentence) else None
    if not match or match.group("who").lower() in _NOT_NAME:
        return None
    trace.note("speaker", match.group("who"), "a numbered line naming one speaker", sentence)
    return _Said(match.group("who"), None, sentence, True)


def _other_forms(bare: str, people: Roster) -> list[tuple[str, str | None]]:
    """Return speakers named without a title, by initials, or in a phrase of the sentence."""
    if (match := _BARE_RE.match(bare)) and _bare_speaker(match, people):
        return [(people.resolve(match.group("who")), None)]
    if (match := _INITIALS_RE.match(bare)) and (who := people.by_initials(match.group("who"))):
        return [(who, None)]
    if match := _BY_RE.match(bare):
        who, role = people.resolve_role(match.group("who"))
        return [(who, role)] if _is_name(who) or re.fullmatch(ROLE, who) else []
    if match := _DISCUSSION_RE.match(bare):
        return [(who, None) for who in _people_listed(match.group("who"), people)]
    if (match := _NOTED_RE.search(bare)) and _is_name(_tidy(match.group("who"))):
        return [(people.resolve(match.group("who")), None)]
    if (match := _PASSIVE_BY_RE.search(bare)) and _bare_known(match.group("who"), people):
        return [(people.resolve(match.group("who")), None)]
    if (match := _DECLARES_RE.match(bare)) and _is_name(_tidy(match.group("who"))):
        return [(people.resolve(match.group("who")), None)]
    if (match := _DASH_TURN_RE.match(bare)) and _dash_turn(match, people):
        return [(people.resolve(match.group("who")), None)]
    return []


def _bare_known(who: str, people: Roster) -> bool:
    """Tell a name that is titled, or one of the meeting's people."""
    who = _tidy(who)
    return _is_name(who) and (bool(re.match(rf"{HONORIFIC}\s", who)) or people.knows_person(who))


def _dash_turn(match: re.Match[str], people: Roster) -> bool:
    """Tell "Cllr Denny - had heard that ..." from "Cllr Denny - Chairman": a member of the
    attendance, then words that say something (three words or more, no office or sum)."""
    who, said = _tidy(match.group("who")), match.group("said")
    if not (people.knows(who) and _is_name(who)) or len(re.findall(r"\b[A-Za-z]+\b", said)) < 3:
        return False
    return not re.match(rf"(?:{ROLE}|{_TITLE}|{titles.CHAIR})\b", said)


def _bare_speaker(match: re.Match[str], people: Roster) -> bool:
    """Tell a bare name before a verb is a speaker: one of the meeting's people, or a name
    followed by a verb only people do ("Jane Roe spoke in opposition")."""
    who = _tidy(match.group("who"))
    if not _is_name(who):
        return False
    return people.knows_person(who) or bool(re.fullmatch(_STRONG_VERB, match.group("verb")))


def _introduced(bare: str, sentence: str, people: Roster) -> _Said | None:
    """Return "Jane Roe, Alameda, stated" or "Ann Wu, Planner II, presented" as a speaker."""
    match = _INTRO_RE.match(bare) or _FROM_RE.match(bare)
    if not match or not _is_name(_tidy(match.group("who"))):
        return None
    role = _tidy(match.group("role"))
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", role)
    if _NOT_ROLE_RE.search(role) or any(re.fullmatch(PERSON, p) and _is_name(p) for p in parts):
        return None  # "A, seconded by B, moved", "A, Councillor B and C stated"
    name = people.resolve(match.group("who"))
    people.add(name)
    return _Said(name, None if role.startswith("who ") else role, sentence, True)


def _several(bare: str, people: Roster) -> list[str]:
    """Return the people of "Councillors A and B asked" or "Mayor X and Councillor Y said"."""
    match = _SEVERAL_RE.match(bare)
    named = _people_listed(match.group("who"), people) if match else []
    return named if len(named) >= 2 else []


def _people_listed(text: str, people: Roster) -> list[str]:
    """Return "Directors A, B and Chair C" as Director A, Director B, Chair C: a plural title
    gives its singular to the names after it; every name must be titled or known."""
    found: list[str] = []
    title, shape = "", 0
    for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", _tidy(text)):
        if plural := re.match(rf"{_PLURAL_TITLE}\s+", part):
            title, part = _singular(plural.group(0).strip()), part[plural.end() :]
            shape = len(part.split())
            found.append(f"{title} {part}")
        elif re.match(rf"{HONORIFIC}\s", part):
            title = ""
            found.append(part)
        elif title and len(part.split()) == shape:
            found.append(f"{title} {part}")
        elif people.knows_person(part):
            found.append(part)
        else:
            title = ""
    return [people.resolve(n) for n in found if _is_name(n)]


def _singular(title: str) -> str:
    """Return the title one of a plural title's people bears: "Cllrs" -> "Cllr"."""
    return titles.singular(re.sub(r"\s+", " ", title).rstrip("."))


def _inline_turn(sentence: str, people: Roster) -> _Said | None:
    """Return the speaker of a "Name: words" turn: a titled name, or a name the meeting's
    attendance knows ("Smith:" for Councillor Jane Smith), saying more than a vote."""
    match = _TURN_RE.match(sentence)
    if not match or ANSWER_RE.match(match.group("said")):
        return None
    who, said = _tidy(match.group("who")), match.group("said")
    if _FIELD_RE.search(who):
        return None
    titled = bool(re.match(HONORIFIC, who)) and len(who.split()) >= 2
    if not (titled or people.knows(who)):
        return None
    if not (_SPEECH_RE.search(said) or (people.knows(who) and _SAID_SENTENCE_RE.match(said))):
        return None
    speaker = people.resolve(who)
    trace.note("speaker", speaker, "a 'Name:' turn inline in the minutes", sentence)
    return _Said(speaker, None, sentence, True)


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after initials or honorifics."""
    text = re.sub(r"\s+", " ", paragraph).strip()
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        before = text[start : match.start()].rsplit(" ", 1)[-1]
        if re.fullmatch(r"(?:[A-Z]|Mr|Mrs|Ms|Dr|Cllr|Cyng|Prof|Rev|St|No|Nos|[a-z])\.?", before):
            continue
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*\.?", text[start : match.start()]):
            continue  # the number opening a numbered line: "3. Ann Wu spoke"
        sentences.append(text[start : match.start()])
        start = match.end()
    if text[start:]:
        sentences.append(text[start:])
    return sentences


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.;:")


def same_person(a: str, b: str) -> bool:
    """Tell two forms of one person's name: one surname, given names (or their initials) that
    agree where both give one, and no "Mr" against "Ms" ("Councilmember Lopez" is "Council
    Member Jessie Lopez"; "Mr J Smith" and "Ms J Smith" are two people)."""
    if not surname(a) or surname(a) != surname(b) or len({_sex(a), _sex(b)} - {""}) > 1:
        return False
    given = [_given(a), _given(b)]
    if not all(given):
        return True
    if all(len(g) > 1 for g in given):
        return given[0] == given[1]  # Jill and Joseph Davies are two people
    return given[0][0] == given[1][0]


def _given(name: str) -> str:
    """Return a name's given name or initial, lower-cased, "" when only a surname is written."""
    words = _name_words(name)
    return words[0].strip(".").lower() if len(words) >= 2 else ""


def _sex(name: str) -> str:
    """Return "m" or "f" when a name's courtesy title says, else ""."""
    title = re.match(r"\s*(Mr|Mrs|Ms|Miss)\b", name)
    return "" if title is None else "m" if title.group(1) == "Mr" else "f"


def surname(name: str) -> str:
    """Return the last word of a name, lower-cased."""
    words = re.sub(r"\([^)]*\)", "", name).split()
    return words[-1].strip(".,").lower() if words else ""


def _name_words(name: str) -> list[str]:
    """Return the words of a name after its titles: "Cllr Mrs J Kettering" -> J, Kettering;
    "Acting Library Director Marlon Romero" -> Marlon, Romero."""
    name = re.sub(r"\([^)]*\)", "", _tidy(name))
    title = re.match(rf"(?:{HONORIFIC}\.?\s+)+(?:Pro\s+Te(?:m|rn)\.?\s+)?", name)
    name = name[title.end() :] if title else name
    office = _OFFICE_BEFORE_RE.match(name)
    return (name[office.end() :] if office else name).split()


# A job title before a name, a few words ending in an officer's title: "Acting Director Romero".
_OFFICE_BEFORE_RE = re.compile(
    rf"(?:[A-Z][\w-]*\s+){{0,3}}?(?:{_OFFICE_WORDS})\s+(?=[A-Z][\w'’-]*$|[A-Z][\w.'’-]*\s+[A-Z])"
)


def _initials(name: str) -> str:
    """Return a name's initials: "Paula Kellingray" -> "PK"."""
    return "".join(w[0] for w in _name_words(name) if w[0].isupper())


def first_initial(name: str) -> str:
    """Return the initial of a name's given name, or "" when only a surname is written."""
    words = _name_words(name)
    return words[0][0].upper() if len(words) >= 2 else ""


def signed_chair(text: str, names: Iterable[str]) -> str | None:
    """Return the one person of the meeting a line names as chair and no more ("Chairman:
    J O Ritchie", the signature under the minutes), or None."""
    people = Roster(names)
    found = {
        people.resolve(match.group("name"))
        for match in _CHAIR_LINE_RE.finditer(text)
        if people.knows_person(match.group("name"))
    }
    return found.pop() if len(found) == 1 else None


def office_holders(text: str, names: Iterable[str]) -> dict[str, str]:
    """Return {office: holder} for the offices the attendance gives the meeting's people
    ("In attendance: Peter King, Parish Clerk"); an office two people hold is left out."""
    people = Roster(names)
    found: dict[str, set[str]] = {}
    for match in _HOLDER_RE.finditer(text):
        if people.knows_person(match.group("name")):
            office = re.sub(r"\s+", " ", match.group("office")).lower()
            found.setdefault(office, set()).add(people.resolve(match.group("name")))
    return {office: holders.pop() for office, holders in found.items() if len(holders) == 1}


class Roster:
    """The people of a meeting, so that "Mr Benson" resolves to "Derek Benson"."""

    def __init__(
        self,
        names: Iterable[str] = (),
        chair: str | None = None,
        roles: dict[str, str] | None = None,
    ) -> None:
        self.names: list[str] = []
        self.chair = chair
        self.roles = roles or {}
        self.initials: dict[str, str] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)

    def knows(self, written: str) -> bool:
        """Tell a name one of the meeting's people bears (by surname)."""
        key = surname(written)
        return bool(key) and any(surname(n) == key for n in self.names)

    def knows_person(self, written: str) -> bool:
        """Tell one of the meeting's people by surname and, where both give one, initial."""
        key, initial = surname(written), first_initial(written)
        return bool(key) and any(
            surname(n) == key and first_initial(n) in ("", initial) for n in self.names
        )

    def learn_initials(self, text: str) -> None:
        """Remember the initials people are introduced with: "Richard Stimson (RS)"."""
        for match in _INTRODUCED_INITIALS_RE.finditer(text):
            name, code = match.group("name"), match.group("code")
            if _initials(name) == code:  # a body's initials ("County Council (CC)") are no one's
                self.initials[code] = self.resolve(name) if _is_name(name) else ""

    def by_initials(self, code: str) -> str | None:
        """Return the one person whose initials are ``code``, or None."""
        if code in self.initials:
            return self.initials[code] or None
        found = {n for n in self.names if len(_name_words(n)) >= 2 and _initials(n) == code}
        return found.pop() if len(found) == 1 else None

    def holds(self, role: str, name: str) -> None:
        """Remember who holds an office the minutes name them with ("the Cabinet Member for
        Culture, Councillor Hartley"), so that the office alone later resolves to them."""
        if re.match(r"(?:Cabinet|Executive)\s+Member|Portfolio\s+Holder|Leader\b", role, re.I):
            self.roles.setdefault(role.lower(), name)

    def resolve(self, written: str) -> str:
        """Return the fullest known form of a name written short."""
        written = _tidy(written)
        key, initial = surname(written), first_initial(written)
        matches = [
            n
            for n in self.names
            if surname(n) == key and len(n) >= len(written)
            and (not initial or first_initial(n) in ("", initial))
        ]  # fmt: skip
        return matches[0] if len(set(matches)) == 1 else written

    def resolve_role(self, written: str) -> tuple[str, str | None]:
        """Return (speaker, role) for a person or a role such as "the Chairman"."""
        written = _tidy(written)
        if re.match(HONORIFIC + r"\s", written):
            return self.resolve(written), None
        role = re.sub(r"^the\s+", "", written, flags=re.IGNORECASE)
        if re.fullmatch(r"Chair(?:man|woman|person)?", role) and self.chair:
            return self.chair, role
        key = role.lower()
        portfolio = re.sub(r"^(?:cabinet\s+member|portfolio\s+holder)\s+for\s+", "", key)
        # "Cabinet Member for Culture, Leisure and Libraries" is noted by its first words too.
        first = key.split(",")[0].strip()
        holder = self.roles.get(key) or self.roles.get(portfolio) or self.roles.get(first)
        holder = holder or self._titled(role)
        holder = holder or self._office(key)
        if holder:
            trace.note("speaker", holder, "an office the attendance gives to one person", written)
        return (self.resolve(holder), role) if holder else (role, role)

    def _office(self, key: str) -> str | None:
        """Return the one holder of an office named shorter than the attendance names it:
        "the Clerk" for "Peter King, Parish Clerk"."""
        words = key.split()
        found = {
            name
            for office, name in self.roles.items()
            if words and office.split()[-1] == words[-1] and set(words) <= set(office.split())
        }
        return found.pop() if len(found) == 1 else None

    def _titled(self, role: str) -> str | None:
        """Return the one person the attendance names with ``role`` as title ("Mayor X")."""
        found = set()
        for name in self.names:
            title = re.match(rf"(?:{HONORIFIC}\.?\s+)+", name)
            if title and title.group(0).strip().lower() == role.lower():
                found.add(name)
        return found.pop() if len(found) == 1 else None
