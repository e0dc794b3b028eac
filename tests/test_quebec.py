"""Minutes of a Québec municipal council, in French, as their clerks write them: the
'procès-verbal' heading, 'Sont présents', 'Est absente', and resolutions 'Il est proposé par
..., appuyé par ..., et résolu' closed by 'ADOPTÉE'. Our own text, in their form."""

from __future__ import annotations

from datetime import date

from indexer.assemble import meeting_from_text

MINUTES = """PROVINCE DE QUÉBEC
MUNICIPALITÉ DE SAINT-ALBAN-DES-PINS

PROCÈS-VERBAL de la séance ordinaire du conseil municipal de la Municipalité de \
Saint-Alban-des-Pins, tenue le lundi 13 février 2023 à 19 h 30, à la salle municipale.

Sont présents : Monsieur Robert Gagnon, maire, Mesdames Ginette Lemay et Sylvie Roy, \
conseillères, Messieurs Denis Lessard et Marc Dubé, conseillers.

Est absente : Madame Julie Caron, conseillère.

Également présente : Madame Nathalie Hamel, directrice générale et greffière-trésorière.

1. ADOPTION DU PROCÈS-VERBAL DE LA SÉANCE DU 9 JANVIER 2023
2023-02-032
Il est proposé par le conseiller Marc Dubé, appuyé par la conseillère Sylvie Roy, et résolu à \
l'unanimité des conseillers présents d'adopter le procès-verbal de la séance du 9 janvier 2023.
ADOPTÉE

2. OCTROI DU CONTRAT DE DÉNEIGEMENT
Madame Hamel présente les soumissions reçues. Le conseiller Denis Lessard demande si le prix \
inclut le sablage des chemins.
2023-02-033
Il est proposé par la conseillère Ginette Lemay, appuyé par le conseiller Marc Dubé, et résolu \
à la majorité d'octroyer le contrat de déneigement au montant de 186 400 $.
ADOPTÉE À LA MAJORITÉ

3. VENTE DU TERRAIN DU RANG 4
Il est proposé par le conseiller Denis Lessard, appuyé par le conseiller Marc Dubé, de vendre \
le terrain du rang 4.
REJETÉE
"""


def test_a_quebec_councils_minutes_are_read() -> None:
    meeting = meeting_from_text(MINUTES, "saint-alban.txt")
    assert (meeting.council, meeting.committee, meeting.date) == (
        "Municipalité de Saint-Alban-des-Pins", "Conseil municipal", date(2023, 2, 13))  # fmt: skip
    roles = [(a.name, a.role) for a in meeting.attendance]
    assert roles == [
        ("Monsieur Robert Gagnon", "present"),
        ("Madame Ginette Lemay", "present"),
        ("Madame Sylvie Roy", "present"),
        ("Monsieur Denis Lessard", "present"),
        ("Monsieur Marc Dubé", "present"),
        ("Madame Julie Caron", "absent"),
        ("Madame Nathalie Hamel", "also_present"),
    ]


def test_its_resolutions_their_movers_and_fates() -> None:
    meeting = meeting_from_text(MINUTES, "saint-alban.txt")
    decided = [
        (item.number, r.mover, r.seconder, r.outcome)
        for item in meeting.items
        for r in item.resolutions
    ]
    assert decided == [
        ("1", "Marc Dubé", "Sylvie Roy", "adopted"),
        ("2", "Ginette Lemay", "Marc Dubé", "adopted"),
        ("3", "Denis Lessard", "Marc Dubé", "lost"),
    ]
    [contract] = [item for item in meeting.items if item.number == "2"]
    assert "Denis Lessard" in [c.speaker for c in contract.contributions]
