"""Fixture news texts for the tracking tests, written for this suite (no corpus data).

``FIRE`` is an original report; ``FIRE_PARAPHRASE`` a close rewrite of it that keeps its names,
figures, quotes and order; ``FIRE_INDEPENDENT`` another outlet's report of the same event with its
own structure, sources and wording; ``LIBRARY`` an unrelated article. :func:`training_pairs`
builds a small labelled pairs set from them (and the seeds) by deterministic transformations.
"""

from __future__ import annotations

import json
from pathlib import Path

from lint.text.sentences import sentence_spans

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

FIRE = """\
Fire destroys textile warehouse in Harwick as 1,400 jobs hang in the balance

A fire that broke out late on Sunday destroyed the main warehouse of Pellham Textiles in Harwick, \
leaving 1,400 workers unsure whether they will have jobs to return to, the company said on Monday.

The blaze started shortly after 11pm in a storage area at the back of the building and spread \
quickly through rolls of cotton and synthetic fabric, according to the Northshire Fire and Rescue \
Service. Thirteen fire engines and about 80 firefighters were sent to the site on Quarry Lane, and \
crews were still damping down hot spots on Monday afternoon.

No one was hurt. Two security guards on duty at the time raised the alarm and left the building \
safely, the fire service said.

"The speed at which it spread was frightening," said station manager Colin Ashby. "By the time \
the first crews arrived the roof had already started to give way, and our priority was stopping \
it reaching the houses on Mill Row."

Residents of about 40 homes nearby were told to keep their windows and doors closed because of \
the heavy smoke, which could be seen from more than ten miles away. Harwick Primary School stayed \
closed on Monday as a precaution.

Pellham Textiles, which has operated in the town since 1962, said the warehouse held roughly 10% \
of its annual stock, worth an estimated £2.5 million. Its chief executive, Margaret Oyelaran, said \
the factory floor next door had been damaged by smoke but not by fire.

"Our first thought is for our staff and for the people of Harwick," Ms Oyelaran said. "We will do \
everything we can to get production running again, but it is too early to say how long that will \
take."

The company employs 1,400 people at the site, making it the largest private employer in the \
district. Local councillor David Marsh said the news had come as a shock to a town that had \
already lost two factories in the past decade.

"Almost every family here knows someone who works at Pellham," Mr Marsh said. "People are \
worried, and they want answers quickly."

Investigators from the fire service and Northshire Police were at the scene on Monday. The cause \
of the fire is not yet known, but police said it was not being treated as suspicious at this \
stage.

The company said workers would be paid in full for the rest of the month while it assessed the \
damage.
"""

FIRE_PARAPHRASE = """\
Harwick textile warehouse destroyed by fire, putting 1,400 jobs in doubt

A fire that started late on Sunday has destroyed the main warehouse of Pellham Textiles in \
Harwick, and 1,400 workers do not know whether they will have jobs to go back to, the company \
said on Monday.

According to the Northshire Fire and Rescue Service, the blaze began just after 11pm in a storage \
area at the rear of the building and quickly spread through rolls of cotton and synthetic fabric. \
Thirteen fire engines and around 80 firefighters were sent to the Quarry Lane site, where crews \
were still damping down hot spots on Monday afternoon.

Nobody was injured. Two security guards who were on duty raised the alarm and got out of the \
building safely, the fire service said.

"The speed at which it spread was frightening," station manager Colin Ashby said. "By the time \
the first crews arrived the roof had already started to give way, and our priority was stopping \
it reaching the houses on Mill Row."

People living in about 40 nearby homes were told to keep doors and windows shut because of thick \
smoke, visible from more than ten miles away. As a precaution, Harwick Primary School did not \
open on Monday.

Pellham Textiles, in the town since 1962, said roughly 10 per cent of its yearly stock, worth \
about £2.5m, had been in the warehouse. Chief executive Margaret Oyelaran said the factory floor \
next door had suffered smoke damage but had not caught fire.

"Our first thought is for our staff and for the people of Harwick," Ms Oyelaran said. "We will do \
everything we can to get production running again, but it is too early to say how long that will \
take."

With 1,400 people at the site, the company is the district's biggest private employer. Local \
councillor David Marsh said the news was a shock for a town that has already lost two factories \
in the last ten years.

"Almost every family here knows someone who works at Pellham," he said. "People are worried, and \
they want answers quickly."

Fire service and Northshire Police investigators were at the scene on Monday. The cause is not \
yet known, but police said the fire was not being treated as suspicious for now.

Staff will be paid in full for the rest of the month while the damage is assessed, the company \
said.
"""

FIRE_INDEPENDENT = """\
Harwick counts the cost after a night of flames at the mill

For Sandra Kelly, the first sign of trouble was the smell. "I woke up coughing and thought the \
toaster had caught fire," said the 67-year-old, who has lived in the same terrace for three \
decades. "Then I looked out and the whole sky over the mill was orange."

By dawn, the storage shed that has stood beside the Pellham works for half a century was a \
blackened shell. Crews worked through the night to stop the flames jumping to nearby terraced \
houses, and a cordon remained in place around the yard into the evening.

The firm is the biggest employer in the area, and in the cafes and shops of the high street the \
talk was of little else. Several staff, who asked not to be named, said they had been told by text \
message not to come in for their shifts this week.

"We've been here before," said Tom Riley, who runs a newsagent opposite the factory gates and \
whose father spent forty years at the mill. "When the Brennan plant shut, half this street lost \
their wages. Nobody wants to go through that again."

Union officials said they would meet management on Wednesday to seek guarantees over pay. Anita \
Shah, a regional organiser for the GMB, said members needed clarity "sooner rather than later" and \
criticised what she called a lack of information over the weekend.

Officers have not said what started the blaze, which sent a column of smoke across the valley \
that drivers on the motorway reported seeing. Insurance assessors are expected on site later \
this week.

Economists say the timing is poor for the town. Unemployment there is already above the national \
average, and a report published last year by the county council warned that the local economy \
depended heavily on a handful of manufacturers.

Some residents were more hopeful. "They've had setbacks before and they've always rebuilt," said \
Kelly. "This town is stubborn. We'll get through it."
"""

LIBRARY = """\
Library plan approved despite objections

Councillors in Eastbury have approved plans to rebuild the city's central library, ending three \
years of debate over the future of the Victorian building on Carlisle Square.

The scheme, which will cost £18 million, will add a children's wing, a cafe and a rooftop reading \
garden, while the original facade will be restored. Work is due to begin in the spring and the \
library will move to a temporary home in the former post office on Bridge Street until 2028.

The planning committee voted seven to four in favour after a meeting lasting almost five hours. \
Supporters said the building had been neglected for decades and no longer met the needs of a \
growing population.

"This is a library for the next hundred years," said Priya Anand, the council's cabinet member \
for culture. "Visitor numbers have doubled since we extended opening hours, and families have told \
us again and again that they want more space."

Opponents, including the Eastbury Civic Society, argued that the rooftop garden would spoil views \
of the cathedral and that the budget could rise sharply. A petition against the plans gathered \
more than 3,200 signatures.

Robert Haines, the society's chairman, said he was disappointed but would keep working with the \
council on the design. "We are not against a better library," he said. "We simply think this one \
is in the wrong shape."

The council said it had set aside a contingency fund of 15% to cover unexpected costs, and that \
half of the money would come from a national heritage grant announced in January.

Library staff will stay in their jobs during the move, and the council has promised that the \
temporary site will keep the same opening hours. A public exhibition of the final designs opens \
at the town hall next week.
"""


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def cut(text: str, every: int) -> str:
    """``text`` with every ``every``-th sentence dropped (a sub-editor's trim)."""
    kept = [s for i, s in enumerate(sentences(text), start=1) if i % every]
    return " ".join(kept)


def head(text: str, share: float) -> str:
    """The first ``share`` of ``text``'s sentences."""
    parts = sentences(text)
    return " ".join(parts[: max(1, round(len(parts) * share))])


def training_pairs() -> list[dict[str, str]]:
    """About 40 labelled pairs in three story groups, built deterministically."""
    syria = {k: seed(k) for k in ("000", "001", "002", "003", "004")}
    stories = {
        "fire": (FIRE, [FIRE_PARAPHRASE], [FIRE_INDEPENDENT]),
        "syria": (syria["002"], [syria["000"], syria["001"]], [syria["003"], syria["004"]]),
        "library": (LIBRARY, [], []),
    }
    unrelated = {"fire": LIBRARY, "syria": LIBRARY, "library": FIRE_INDEPENDENT}
    others = {"fire": syria["003"], "syria": FIRE_INDEPENDENT, "library": syria["004"]}
    records: list[dict[str, str]] = []

    def add(group: str, name: str, original: str, rewrite: str, label: str, **extra: str) -> None:
        records.append(
            {"id": f"{group}-{name}", "group": group, "original": original, "rewrite": rewrite,
             "label": label, **extra}
        )  # fmt: skip

    for group, (original, rewrites, same_event) in stories.items():
        for every in (2, 3, 4, 5):
            add(group, f"cut{every}", original, cut(original, every), "wholly-derived")
        add(group, "head", original, head(original, 0.6), "wholly-derived")
        for i, rewrite in enumerate(rewrites):
            add(group, f"rewrite{i}", original, rewrite, "wholly-derived")
            add(group, f"rewrite{i}-cut3", original, cut(rewrite, 3), "wholly-derived")
        for i, rewrite in enumerate(same_event):
            add(group, f"event{i}", original, rewrite, "non-derived",
                origin="same-event-other-outlet")  # fmt: skip
            add(group, f"event{i}-cut3", original, cut(rewrite, 3), "non-derived")
        add(group, "unrelated", original, unrelated[group], "non-derived")
        add(group, "unrelated-cut2", original, cut(unrelated[group], 2), "non-derived")
        add(group, "other", original, others[group], "non-derived")
        add(group, "other-head", original, head(others[group], 0.5), "non-derived")
    return records


def write_pairs(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


#: A round-up written from two reports: its first half follows ``FIRE`` and its second half
#: ``LIBRARY``, each lightly rewritten. Neither original alone explains the whole of it.
ROUNDUP = """\
Around the region: a warehouse fire in Harwick and a library vote in Eastbury

A fire that started late on Sunday has destroyed the main warehouse of Pellham Textiles in \
Harwick, and 1,400 workers do not know whether they will have jobs to go back to, the company \
said on Monday.

The blaze began just after 11pm in a storage area at the rear of the building and quickly spread \
through rolls of cotton and synthetic fabric, the Northshire Fire and Rescue Service said. \
Thirteen fire engines and around 80 firefighters were sent to the site on Quarry Lane.

Nobody was injured. Two security guards on duty raised the alarm and got out of the building \
safely, the fire service said.

"The speed at which it spread was frightening," station manager Colin Ashby said.

In Eastbury, councillors have approved plans to rebuild the central library, ending three years \
of debate over the future of the Victorian building on Carlisle Square.

The £18 million scheme will add a children's wing, a cafe and a rooftop reading garden, and the \
original facade will be restored. The library will move to a temporary home in the former post \
office on Bridge Street until 2028.

The planning committee voted seven to four in favour after a meeting lasting almost five hours.

Opponents, including the Eastbury Civic Society, said the rooftop garden would spoil views of the \
cathedral. A petition against the plans gathered more than 3,200 signatures.
"""
