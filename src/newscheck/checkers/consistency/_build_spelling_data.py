"""Dev-time generator of ``data/british_american.tsv`` (not imported at run time).

Source: the ``breame`` package (PyPI, Apache-2.0, v0.1.2), ``BRITISH_ENGLISH_SPELLINGS``,
curated here: pairs whose spellings are both standard in one variety, or where one side
is also an ordinary word with another meaning (tire, program, meter, draft, license,
practice, disk, ton, install ...), count as evidence only on the unambiguous side or are
dropped. Run ``pip install breame==0.1.2 && python -m
newscheck.checkers.consistency._build_spelling_data`` to regenerate.
"""

from __future__ import annotations

import re
from pathlib import Path

# Pairs dropped entirely: both spellings occur in careful text of both varieties, or one
# side is a different word (ton/tonne), or the entry is an error in the source.
DROP = {
    "analyses", "dialogue", "dialogues", "gases", "buses", "busing", "minibuses", "fillet",
    "filleted", "filleting", "fillets", "gauge", "gauged", "gauges", "gauging", "likeable",
    "sheikh", "tonne", "tonnes", "disc", "discs", "videodisc", "videodiscs", "pummelled",
    "pummelling", "tranquilly", "philtre", "philtres", "gryphon", "gryphons", "groyne", "groynes",
    "bingeing", "glueing", "aesthete", "aesthetes", "aesthetic", "aesthetically", "aesthetics",
    "encyclopaedia", "encyclopaedias", "encyclopaedic", "omelette", "omelettes", "epaulette",
    "epaulettes", "flautist", "flautists", "bevvies", "bevvy", "gipsies", "pouffe", "pouffes",
    "pzazz", "connexion", "connexions", "inflexion", "inflexions", "syphon", "syphoned",
    "syphoning", "syphons", "waggon", "waggons", "yoghourt", "yoghourts", "biassed", "biassing",
    "almanack", "almanacks", "coloureds", "mediaeval", "primaeval", "praesidium", "praesidiums",
    "chimaera", "chimaeras", "edoema", "bougainvillaea", "bougainvillaeas", "glamour",
    "catalogue", "catalogued", "catalogues", "cataloguing", "prologue", "prologues",
    "epilogue", "epilogues", "monologue", "monologues", "travelogue", "travelogues",
    "cancellation", "cancellations", "bannister", "bannisters", "snowploughs",
}
# British spelling is evidence, the American one is not (it is also British, or another word).
BRITISH_ONLY = {
    "programme", "programmes", "licence", "licences", "licenced", "licencing", "practise",
    "practised", "practises", "practising", "tyre", "tyres", "metre", "metres", "draught",
    "instal", "instals", "judgement", "baulk", "baulked", "baulking", "baulks", "yoghurt",
    "yoghurts", "archaeological", "archaeologically", "archaeologist", "archaeologists",
    "archaeology", "fulfil", "fulfils", "enquiry", "enquiries", "storey", "storeys",
    "cheque", "cheques", "kerb", "kerbs", "annexe", "annexes", "ageing", "artefact", "artefacts",
    "gaolbird", "gaolbirds", "gaolbreak", "gaolbreaks", "gaoled", "gaoler", "gaolers", "gaoling",
    "gaols", "gaol",
}
# American spelling is evidence, the British one is not (it is also American).
AMERICAN_ONLY = {
    "cancelled", "cancelling", "worshipped", "worshipping", "worshipper", "theatre", "theatres",
    "axe", "axes", "axed", "axing",
}
# Pairs missing from the source.
EXTRA = {
    "fuelled": "fueled", "fuelling": "fueling", "enquiry": "inquiry", "enquiries": "inquiries",
    "storey": "story", "storeys": "stories", "cheque": "check", "cheques": "checks",
    "kerb": "curb", "kerbs": "curbs", "annexe": "annex", "annexes": "annexes",
    "signalled": "signaled", "totalled": "totaled", "totalling": "totaling",
    "cancelled": "canceled", "cancelling": "canceling",
}
_IZE = re.compile(r"is(e|es|ed|ing|er|ers|ation|ations|able)$")


def _dimension(british: str, american: str) -> str:
    m = _IZE.search(british)
    if m and american == british[: m.start()] + "iz" + m.group(1):
        return "ize"
    return "spelling"


def build() -> str:
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    pairs = dict(BRITISH_ENGLISH_SPELLINGS)
    pairs.update(EXTRA)
    lines = [
        "# British and American spellings of the same word: british<TAB>american<TAB>dimension<TAB>evidence",
        "# dimension: 'spelling' (-our/-or, -re/-er, -ce/-se, -ll-/-l-, ae/oe ...) or 'ize' (-ise/-ize,",
        "#   which Oxford spelling lets British text use, so it is compared only with itself).",
        "# evidence: which side marks a variety: both, british (the American form is also British or",
        "#   another word: program, tire, meter, license, practice) or american.",
        "# Provenance: breame 0.1.2 (PyPI, Apache-2.0) BRITISH_ENGLISH_SPELLINGS, curated by",
        "#   newscheck.checkers.consistency._build_spelling_data; do not edit by hand.",
    ]
    for british in sorted(pairs):
        american = pairs[british]
        if british in DROP or british == american or " " in british:
            continue
        evidence = "both"
        if british in BRITISH_ONLY:
            evidence = "british"
        elif british in AMERICAN_ONLY:
            evidence = "american"
        lines.append(f"{british}\t{american}\t{_dimension(british, american)}\t{evidence}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - dev tool
    out = Path(__file__).parent / "data" / "british_american.tsv"
    out.write_text(build(), encoding="utf-8")
    print(f"wrote {out}")
