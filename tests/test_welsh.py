"""Minutes printed in Welsh and English side by side, as many Welsh community councils print
them: each label, title and office in both languages. Our own text, in their form."""

from __future__ import annotations

from datetime import date

from indexer.assemble import meeting_from_text

MINUTES = """CYNGOR CYMUNED LLANFAIR ISAF COMMUNITY COUNCIL

COFNODION CYFARFOD / MINUTES OF MEETING
Nos Lun 6 Mawrth 2023 / Monday 6 March 2023, 7.30pm

PRESENNOL / PRESENT: Cyng. / Cllr Eirian Jones (Cadeirydd / Chair), Cyng. / Cllr Gwyn Evans, \
Cyng. / Cllr Mair Williams
HEFYD YN BRESENNOL / ALSO PRESENT: Sian Morgan (Clerc / Clerk)

1. YMDDIHEURIADAU / APOLOGIES
Cyng. / Cllr Rhian Davies.

2. COFNODION / MINUTES
Cytunwyd bod cofnodion y cyfarfod a gynhaliwyd ar 6 Chwefror 2023 yn gywir.
It was agreed that the minutes of the meeting held on 6 February 2023 were a true record.
Cynigiwyd gan y Cyng. Gwyn Evans, eiliwyd gan y Cyng. Mair Williams.
"""


def test_a_bilingual_councils_heading_and_attendance() -> None:
    meeting = meeting_from_text(MINUTES, "llanfair.txt")
    assert (meeting.council, meeting.committee, meeting.date) == (
        "Llanfair Isaf Community Council", "Community Council", date(2023, 3, 6))  # fmt: skip
    assert [(a.name, a.role) for a in meeting.attendance] == [
        ("Cllr Eirian Jones", "chair"),
        ("Cllr Gwyn Evans", "present"),
        ("Cllr Mair Williams", "present"),
        ("Sian Morgan", "also_present"),
        ("Cllr Rhian Davies", "apologies"),
    ]


def test_a_bilingual_decision_and_its_welsh_mover() -> None:
    meeting = meeting_from_text(MINUTES, "llanfair.txt")
    [minutes] = [item for item in meeting.items if item.number == "2"]
    [decision] = minutes.resolutions
    assert (decision.mover, decision.seconder) == ("Cyng. Gwyn Evans", "Cyng. Mair Williams")
