"""Generate CORDIS-layout tables of a given size, for benchmarking the import.

The files have the columns, quoting, separators and value formats of the Commission's
``project.csv`` and ``organization.csv`` (decimal commas, ISO dates, empty NUTS codes for
some organisations, coordinators, third parties) with made-up content: numbered projects,
organisations named by country and number, a few hundred NUTS regions. How often an
organisation takes part follows a heavy-tailed distribution, as in real framework
programmes (a few universities in hundreds of projects, most organisations in one).

    python benchmarks/cordis_generator.py --projects 35000 --participations 180000 --out DIR
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
from pathlib import Path

PROJECT_COLUMNS = [
    "id",
    "acronym",
    "status",
    "title",
    "startDate",
    "endDate",
    "totalCost",
    "ecMaxContribution",
    "legalBasis",
    "topics",
    "ecSignatureDate",
    "frameworkProgramme",
    "masterCall",
    "subCall",
    "fundingScheme",
    "objective",
    "contentUpdateDate",
    "rcn",
    "grantDoi",
]
ORGANISATION_COLUMNS = [
    "projectID",
    "projectAcronym",
    "organisationID",
    "vatNumber",
    "name",
    "shortName",
    "SME",
    "activityType",
    "street",
    "postCode",
    "city",
    "country",
    "nutsCode",
    "geolocation",
    "organizationURL",
    "contactForm",
    "contentUpdateDate",
    "rcn",
    "order",
    "role",
    "ecContribution",
    "netEcContribution",
    "totalCost",
    "endOfParticipation",
    "active",
]
COUNTRIES = [
    "PL",
    "FR",
    "DE",
    "ES",
    "IT",
    "NL",
    "BE",
    "AT",
    "SE",
    "FI",
    "PT",
    "EL",
    "UK",
    "CZ",
    "HU",
    "IE",
    "DK",
    "NO",
    "CH",
    "RO",
]
SCHEMES = ["RIA", "IA", "CSA", "MSCA-ITN-ETN", "ERC-STG", "ERC-ADG", "SME-2", "MSCA-IF-EF-ST"]
KINDS = ["HES", "REC", "PRC", "PRC", "PRC", "PUB", "OTH"]
STATUSES = ["CLOSED", "CLOSED", "SIGNED", "TERMINATED"]


def _money(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high)},{rng.randint(0, 99):02d}"


def generate(out: Path, projects: int, participations: int, seed: int = 2020) -> tuple[Path, Path]:
    """Write ``project.csv`` and ``organization.csv`` into ``out`` and return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    organisations = max(10, participations // 6)
    places = {}
    for cc in COUNTRIES:
        for n in range(rng.randint(5, 25)):
            nuts2 = f"{cc}{n // 10 + 1}{n % 10}"
            places.setdefault(cc, []).append((f"{cc} Town {n}", f"{nuts2}{rng.randint(1, 9)}"))
    orgs = []
    for n in range(organisations):
        cc = rng.choice(COUNTRIES)
        city, nuts = rng.choice(places[cc])
        orgs.append(
            {
                "organisationID": str(900_000_000 + n),
                "name": f"ORGANISATION {cc} {n}",
                "shortName": f"O{n}",
                "SME": rng.choice(["true", "false", ""]),
                "activityType": rng.choice(KINDS),
                "city": city.upper(),
                "country": cc,
                "nutsCode": "" if rng.random() < 0.05 else nuts,
            }
        )
    # Heavy-tailed: organisation k is drawn with weight 1 / (k + 1).
    cumulative = list(itertools.accumulate(1 / (k + 1) for k in range(organisations)))
    population = range(organisations)
    project_path, org_path = out / "project.csv", out / "organization.csv"
    with (
        project_path.open("w", newline="", encoding="utf-8") as pf,
        org_path.open("w", newline="", encoding="utf-8") as of,
    ):
        pw = csv.writer(pf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        ow = csv.writer(of, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        pw.writerow(PROJECT_COLUMNS)
        ow.writerow(ORGANISATION_COLUMNS)
        per_project = participations / projects
        written = 0
        for p in range(projects):
            pid = str(100_000 + p)
            year = rng.randint(2014, 2020)
            start = f"{year}-{rng.randint(1, 12):02d}-01"
            end = f"{year + rng.randint(1, 4)}-{rng.randint(1, 12):02d}-28"
            project = dict.fromkeys(PROJECT_COLUMNS, "")
            project.update(
                id=pid,
                acronym=f"P{p}",
                status=rng.choice(STATUSES),
                title=f"Generated project {p} on topic {rng.randint(1, 500)}",
                startDate=start,
                endDate=end,
                totalCost=_money(rng, 50_000, 9_000_000),
                ecMaxContribution=_money(rng, 50_000, 8_000_000),
                legalBasis="H2020-EU.3.",
                frameworkProgramme="H2020",
                fundingScheme=rng.choice(SCHEMES),
                objective=f"Generated objective of project {p}.",
                contentUpdateDate="2022-07-01 12:00:00",
            )
            pw.writerow(project.values())
            remaining = participations - written
            size = min(remaining, max(1, round(rng.expovariate(1 / per_project))))
            if p == projects - 1:
                size = remaining
            chosen: set[int] = set()
            for _ in range(5):  # a few draws more where the same organisation came twice
                chosen.update(rng.choices(population, cum_weights=cumulative, k=size - len(chosen)))
                if len(chosen) >= size:
                    break
            for order, k in enumerate(sorted(chosen), start=1):
                row = dict.fromkeys(ORGANISATION_COLUMNS, "")
                row.update(orgs[k])
                row.update(
                    projectID=pid,
                    projectAcronym=f"P{p}",
                    order=str(order),
                    role="coordinator"
                    if order == 1
                    else rng.choice(["participant"] * 8 + ["thirdParty", "partner"]),
                    ecContribution=_money(rng, 0, 900_000),
                    netEcContribution=_money(rng, 0, 900_000),
                    totalCost=_money(rng, 0, 1_000_000),
                    endOfParticipation="false",
                    active="true",
                )
                ow.writerow(row.values())
            written += len(chosen)
    return project_path, org_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=35_000)
    parser.add_argument("--participations", type=int, default=180_000)
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    paths = generate(args.out, args.projects, args.participations, args.seed)
    print(*paths)


if __name__ == "__main__":
    main()
