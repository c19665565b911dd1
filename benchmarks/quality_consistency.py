#!/usr/bin/env python
"""Quality benchmark for the consistency family (NC3xx).

1. False positives: consistency findings per clean article, on ``bbc-clean-dev.jsonl``
   (dev = even-indexed articles, test = odd) and on ``news-2012-2020-dev.jsonl`` (test).
2. Recall and precision on real articles with injected defects (fixed random seed):

   * ``names-attested``: an article that names someone or somewhere at least twice gets one
     occurrence replaced by an attested real variant spelling of that name (Benitez/Benítez,
     Nazarbayev/Nazarbaev, Fallujah/Falluja ...). The list is held out: it is not the
     checker's known-variant table, so this measures the list-free name-variant rule.
   * ``names-known``: the same with pairs from the checker's known-variant table (NC302).
   * ``names-translit``: a name used at least twice gets one occurrence respelled by one
     real transliteration alternation (kh/h, ks/x, c/k, y/i, ei/ey, ou/u, doubled letters,
     diacritics, -ov/-off).
   * ``brit-amer``: a real sentence with an American spelling (from a US outlet in the news
     corpus) is inserted into a British BBC article that spells British, and the reverse.
   * ``brit-ise``: a real BBC sentence with one British -ise word (and no other marker) is
     inserted into an article of American general spelling that has no -ise/-ize word
     (Oxford spelling pairs -ize with -our, but nothing pairs -ise with -or).
   * ``quoted``: two real sentences of one article that share a head noun get synonymous
     quoted labels (“historic” deal ... “landmark” agreement) from the synonym resource;
     recall here is by construction of the resource and shows the matching works in context.

A finding is a true positive when it overlaps the injected span; other findings that the
clean article did not already have are false positives. Run::

    python benchmarks/quality_consistency.py [--corpus DIR] [--seed N] [--show-fp]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import regex

from newscheck import Document, Linter
from newscheck.checkers.consistency import ConsistencyChecker
from newscheck.checkers.consistency._data import read_toml

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CODES = [r.code for r in ConsistencyChecker.rules if r.default]

# Attested real variant spellings: other romanisations and diacritics kept or dropped, as
# found in wire copy and Wikipedia redirects. NOT the checker's table.
ATTESTED = [
    ("Mahmoud", "Mahmud"), ("Mohammed", "Muhammad"), ("Mohammed", "Mohamed"), ("Ahmed", "Ahmad"),
    ("Hussein", "Husain"), ("Abdullah", "Abdallah"), ("Saakashvili", "Saakashwili"),
    ("Schroeder", "Schröder"), ("Mueller", "Müller"), ("Lukashenko", "Lukashenka"),
    ("Gorbachev", "Gorbachov"), ("Abramovich", "Abramovitch"), ("Pervez", "Parvez"),
    ("Fallujah", "Falluja"), ("Basra", "Basrah"), ("Qurei", "Qureia"), ("Assad", "Asad"),
    ("Tsvangirai", "Tsvangirayi"), ("Shevchenko", "Shevtchenko"), ("Erdogan", "Erdoğan"),
    ("Guaido", "Guaidó"), ("Lopez", "López"), ("Orban", "Orbán"), ("Qassem", "Qasem"),
    ("Raqqa", "Raqqah"), ("Houthi", "Huthi"), ("Haftar", "Hifter"), ("Shabab", "Shabaab"),
    ("Chavez", "Chávez"), ("Yeltsin", "Eltsin"), ("Dostoevsky", "Dostoyevsky"),
    ("Nikolai", "Nikolay"), ("Mikhail", "Mikheil"), ("Andrei", "Andrey"), ("Anatoly", "Anatoli"),
    ("Gennady", "Gennadiy"), ("Valery", "Valeri"), ("Grigory", "Grigori"), ("Mustafa", "Moustafa"),
    ("Yusuf", "Yousuf"), ("Ibrahim", "Ebrahim"), ("Hosni", "Husni"), ("Nasser", "Naser"),
    ("Hassan", "Hasan"), ("Rahman", "Rehman"), ("Sharif", "Shareef"), ("Tajikistan", "Tadjikistan"),
    ("Tashkent", "Toshkent"), ("Donbas", "Donbass"), ("Karabakh", "Karabagh"),
    ("Aliyev", "Aliev"), ("Nazarbayev", "Nazarbaev"), ("Bakiyev", "Bakiev"), ("Akayev", "Akaev"),
    ("Rakhmonov", "Rahmonov"), ("Kwasniewski", "Kwaśniewski"), ("Walesa", "Wałęsa"),
    ("Kaczynski", "Kaczyński"), ("Milosevic", "Milošević"), ("Karadzic", "Karadžić"),
    ("Mladic", "Mladić"), ("Kostunica", "Koštunica"), ("Tadic", "Tadić"), ("Vucic", "Vučić"),
    ("Djokovic", "Djoković"), ("Ljubicic", "Ljubičić"), ("Dementieva", "Dementyeva"),
    ("Davydenko", "Davidenko"), ("Kezman", "Kežman"), ("Cisse", "Cissé"), ("Pires", "Pirès"),
    ("Baros", "Baroš"), ("Rosicky", "Rosický"), ("Nedved", "Nedvěd"), ("Jose", "José"),
    ("Raul", "Raúl"), ("Benitez", "Benítez"), ("Garcia", "García"), ("Fernandez", "Fernández"),
    ("Gonzalez", "González"), ("Rodriguez", "Rodríguez"), ("Martinez", "Martínez"),
    ("Hernandez", "Hernández"), ("Sanchez", "Sánchez"), ("Perez", "Pérez"), ("Zurich", "Zürich"),
    ("Dusseldorf", "Düsseldorf"), ("Malmo", "Malmö"), ("Bogota", "Bogotá"), ("Quebec", "Québec"),
    ("Montreal", "Montréal"), ("Beyonce", "Beyoncé"), ("Celine", "Céline"), ("Renee", "Renée"),
    ("Almodovar", "Almodóvar"), ("Bjork", "Björk"), ("Nestle", "Nestlé"), ("Societe", "Société"),
    ("Citroen", "Citroën"), ("Skoda", "Škoda"), ("Telefonica", "Telefónica"),
    ("Yuganskneftegas", "Yuganskneftegaz"), ("Kasyanov", "Kasianov"), ("Khartoum", "Khartum"),
    ("Sevastopol", "Sebastopol"), ("Kanoute", "Kanouté"), ("Nunez", "Núñez"), ("Muhammad", "Mohammad"), ("Hussain", "Husain"),
    ("Tchaikovsky", "Chaikovsky"), ("Dostoevsky", "Dostoyevski"), ("Rachmaninov", "Rachmaninoff"),
    ("Aleksandr", "Alexandr"), ("Oleksandr", "Olexandr"),
    ("Prokhorov", "Prohorov"), ("Mikhail", "Mihail"), ("Ahmadinejad", "Ahmadinezhad"),
    ("Khamenei", "Khamene'i"), ("Khatami", "Hatami"), ("Rafsanjani", "Rafsandjani"),
    ("Karzai", "Karsai"), ("Kandahar", "Qandahar"), ("Helmand", "Hilmand"),
    ("Taliban", "Taleban"), ("Mujahideen", "Mujahedin"), ("Hezbollah", "Hizbollah"),
    ("Zawahiri", "Zawahri"), ("Ayman", "Aiman"),
    ("Arsene", "Arsène"), ("Goran", "Göran"), ("Gael", "Gaël"), ("Amelie", "Amélie"),
    ("Andriy", "Andrei"), ("Ayad", "Iyad"), ("Basescu", "Băsescu"), ("Vaclav", "Václav"),
    ("Costas", "Kostas"), ("Penelope", "Penélope"), ("Chloe", "Chloë"), ("Sinead", "Sinéad"),
    ("Jurgen", "Jürgen"), ("Noel", "Noël"), ("Boerse", "Börse"), ("Canas", "Cañas"),
    ("Ancic", "Ančić"), ("Mikael", "Mikaël"), ("Nistelrooy", "Nistelrooij"), ("Rene", "René"),
    ("Andre", "André"), ("Francois", "François"), ("Helene", "Hélène"),
    ("Kuznetsova", "Kouznetsova"), ("Dementieva", "Dementyeva"),
]
ATTESTED = [(a, b) for a, b in ATTESTED if a != b]

_WORD = r"(?<![\p{L}\p{M}\p{N}\-‐'’])%s(?![\p{L}\p{M}\p{N}]|[\-‐]\p{L})"
_NAME = regex.compile(r"(?<![\p{L}\p{M}\p{N}\-‐'’])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{M}\p{N}]|[\-‐'’]\p{L})")
# Real alternations between romanisations (and diacritics dropped): (pattern, replacement).
_TRANSLIT = [
    (r"kh", "h"), (r"(?<=[^c])ks(?=[aeiou])", "x"), (r"(?<=\p{L})x(?=[aeiouy])", "ks"),
    (r"(?<=[^aeiou])y$", "iy"), (r"iy$", "y"), (r"yy$", "y"), (r"(?<=[^aeiou])i$", "y"),
    (r"ei$", "ey"), (r"ey$", "ei"), (r"(?<=\p{L})ou", "u"), (r"ph", "f"), (r"ov$", "off"),
    (r"sky$", "ski"), (r"(?<=\p{L})ya", "ia"), (r"(?<=\p{L})yu", "iu"), (r"(?<=\p{L})ie(?=\p{L})", "ye"),
    (r"(?<=\p{L})(ll|ss|tt|rr|nn|mm|dd|ff|pp)(?=\p{L})", None),
    (r"é", "e"), (r"á", "a"), (r"ó", "o"), (r"ö", "o"), (r"ü", "u"), (r"í", "i"), (r"ć", "c"),
    (r"č", "c"), (r"š", "s"), (r"ž", "z"), (r"ñ", "n"), (r"ç", "c"),
]
_SENT = regex.compile(r"[^.!?\n]{40,250}[.!?](?=\s|$)")


def load(corpus: Path, name: str) -> list[dict]:
    with open(corpus / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# -- injectors: each returns (new_text, (start, end)) or None ----------------------------------


def replace_one(text: str, old: str, new: str, rng: random.Random, min_count: int = 2):
    hits = list(regex.finditer(_WORD % regex.escape(old), text))
    if len(hits) < min_count or regex.search(_WORD % regex.escape(new), text):
        return None
    m = rng.choice(hits[1:])
    return text[: m.start()] + new + text[m.end() :], (m.start(), m.start() + len(new))


def inject_pairs(text: str, pairs, rng: random.Random):
    options = [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]
    rng.shuffle(options)
    for a, b in options:
        if a in text:
            out = replace_one(text, a, b, rng)
            if out:
                return out
    return None


def inject_translit(text: str, rng: random.Random):
    counts = Counter(m.group() for m in _NAME.finditer(text))
    # Names: capitalised words used at least twice and never in lower case.
    names = [w for w, c in counts.items() if c >= 2 and not regex.search(_WORD % w.lower(), text)]
    rng.shuffle(names)
    for name in names:
        rules = [(p, r) for p, r in _TRANSLIT if regex.search(p, name, pos=1)]
        if not rules:
            continue
        p, r = rng.choice(rules)
        m = regex.search(p, name, pos=1)
        i, j = m.start(), m.end()
        variant = name[:i] + (name[i] if r is None else r) + name[j:]
        out = replace_one(text, name, variant, rng)
        if out:
            return out
    return None


def spelling_table() -> dict[str, tuple[str, str]]:
    from newscheck.checkers.consistency._data import data_lines

    table = {}
    for line in data_lines("british_american.tsv"):
        b, a, dim, ev = line.split("\t")
        if ev in ("both", "british"):
            table[b] = ("British", dim)
        if ev in ("both", "american"):
            table[a] = ("American", dim)
    return table


_QUOTES = regex.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*\"", regex.M)


def varieties(text: str, table) -> Counter:
    """Variety-marking lower-case words outside quotations, in the general spelling dimension."""
    text = _QUOTES.sub(" ", text)
    return Counter(table[w][0] for w in regex.findall(r"(?<![\p{L}\-])\p{Ll}+(?![\p{L}\-])", text)
                   if w in table and table[w][1] == "spelling")


# The checker's weak markers ("program", "per cent" ...): a donor sentence must not carry one
# besides its one marked word, or the injection would hold two defects.
_WEAK = regex.compile(
    r"(?<![\p{L}])(?:programs?|programmes?|per cent|percent)(?![\p{L}])", regex.I
)


def ize_words(text: str, table) -> list[str]:
    return [w for w in regex.findall(r"(?<![\p{L}\-])\p{Ll}+(?![\p{L}\-])", text)
            if w in table and table[w][1] == "ize"]


def donor_sentences(articles, table, variety: str, dimension: str = "spelling") -> list[tuple[str, str]]:
    out = []
    for art in articles:
        body = art["text"].split("\n", 1)[-1]
        for m in _SENT.finditer(body):
            s = m.group().strip()
            if regex.search(r"[\"“”]", s) or _WEAK.search(s):
                continue
            marked = [w for w in regex.findall(r"\p{L}+", s.lower()) if w in table]
            if len(marked) == 1 and table[marked[0]] == (variety, dimension):
                out.append((s, marked[0]))
    return out


def inject_sentence(text: str, donors, rng: random.Random):
    sentence, word = rng.choice(donors)
    paras = [m.end() for m in regex.finditer(r"\n\n", text)]
    if len(paras) < 2:
        return None
    at = rng.choice(paras[1:])
    new = text[:at] + sentence + "\n\n" + text[at:]
    m = regex.search(r"(?<![\p{L}])" + word + r"(?![\p{L}])", sentence)
    if m is None:
        return None
    i = at + m.start()
    return new, (i, i + len(word))


def quoted_pairs() -> list[tuple[str, str, list[str]]]:
    data = read_toml("quoted_synonyms.toml")
    heads = [h for g in data["heads"] for h in g if " " not in h]
    out = []
    for group in data["terms"]:
        words = [t for t in group if " " not in t and "-" not in t]
        if len(words) >= 2:
            out.append(words)
    return heads, out


def inject_quoted(text: str, heads, groups, rng: random.Random):
    for head in rng.sample(heads, len(heads)):
        hits = list(regex.finditer(r"(?<=\b(?:the|a|an|its|their|his|her) )" + regex.escape(head) + r"\b", text))
        if len(hits) < 2:
            continue
        a, b = hits[0], hits[-1]
        if text.count("\n\n", a.start(), b.start()) < 1:
            continue
        t1, t2 = rng.sample(rng.choice(groups), 2)
        q1, q2 = f"“{t1}” ", f"“{t2}” "
        new = text[: a.start()] + q1 + text[a.start() : b.start()] + q2 + text[b.start() :]
        s = b.start() + len(q1) + 1
        return new, (s, s + len(t2))
    return None


# -- scoring ----------------------------------------------------------------------------------


def run_set(linter, articles, injector, rng):
    injected = tp_findings = fp_findings = found = 0
    misses, fps = [], []
    for art in articles:
        out = injector(art["text"], rng)
        if out is None:
            continue
        text, (s, e) = out
        injected += 1
        clean = len(linter.check(art["text"]).findings)
        findings = linter.check(text).findings
        hit = [f for f in findings if f.start < e and s < f.end]
        other = len(findings) - len(hit)
        tp_findings += len(hit)
        new_fp = max(0, other - clean)
        fp_findings += new_fp
        if hit:
            found += 1
        else:
            misses.append((art["id"], text[s:e]))
        if new_fp:
            fps.extend((art["id"], text[f.start:f.end], f.code) for f in findings if not (f.start < e and s < f.end))
    precision = tp_findings / (tp_findings + fp_findings) if tp_findings + fp_findings else float("nan")
    recall = found / injected if injected else float("nan")
    return injected, precision, recall, misses, fps


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=20240516)
    ap.add_argument("--show-fp", action="store_true", help="print every finding on clean articles")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    bbc = load(args.corpus, "bbc-clean-dev.jsonl")
    news = load(args.corpus, "news-2012-2020-dev.jsonl")
    splits = {"bbc-dev": bbc[0::2], "bbc-test": bbc[1::2], "news-test": news}
    linter = Linter(select=CODES)

    print(f"consistency rules: {', '.join(CODES)} (default set)\n")
    print(f"{'clean corpus':<12} {'articles':>8} {'findings':>8} {'per art.':>8}  by code")
    for name, arts in splits.items():
        counts = Counter()
        for art in arts:
            report = linter.check(art["text"])
            for f in report.findings:
                counts[f.code] += 1
                if args.show_fp:
                    print(f"   {art['id']} {f.code} {art['text'][f.start:f.end]!r}: {f.message}")
        total = sum(counts.values())
        print(f"{name:<12} {len(arts):>8} {total:>8} {total / len(arts):>8.3f}  {dict(sorted(counts.items()))}")
    # Speed of this family alone: check() on a fresh Document, whose segmentation (shared by
    # every family in a real run) is computed only if the checker needs it.
    checker = ConsistencyChecker()
    texts = [a["text"] for a in bbc + news]
    words = sum(len(t.split()) for t in texts)
    for t in texts[:50]:
        list(checker.check(Document(t)))  # warm caches
    t0 = time.process_time()
    for t in texts:
        list(checker.check(Document(t)))
    elapsed = time.process_time() - t0
    print(f"\nspeed: {elapsed / words * 1e6:.3f} ms per 1,000 words, consistency check() alone, CPU time "
          f"({len(texts)} articles, {words / len(texts):.0f} words on average)\n")

    table = spelling_table()
    uk_donors = donor_sentences(bbc, table, "British")
    us_news = [a for a in news if a.get("outlet", "") not in ("The Guardian", "BBC News", "Reuters", "The Economist")]
    us_donors = donor_sentences(us_news, table, "American")
    uk_ise_donors = donor_sentences(bbc, table, "British", "ize")
    heads, groups = quoted_pairs()
    known = read_toml("known_variants.toml")["variant"]
    known_pairs = [(e["forms"][0], f) for e in known for f in e["forms"][1:] if " " not in f]

    def brit_amer(text, rng):
        v = varieties(text, table)
        if v["British"] >= 2 and not v["American"]:
            return inject_sentence(text, us_donors, rng)
        if v["American"] >= 2 and not v["British"]:
            return inject_sentence(text, uk_donors, rng)
        return None

    def brit_ise(text, rng):
        # A British -ise word in an article of American general spelling and no -ise/-ize.
        v = varieties(text, table)
        if v["American"] >= 2 and not v["British"] and not ize_words(text, table):
            return inject_sentence(text, uk_ise_donors, rng)
        return None

    sets = {
        "names-attested": lambda t, r: inject_pairs(t, ATTESTED, r),
        "names-known": lambda t, r: inject_pairs(t, known_pairs, r),
        "names-translit": inject_translit,
        "brit-amer": brit_amer,
        "brit-ise": brit_ise,
        "quoted": lambda t, r: inject_quoted(t, heads, groups, r),
    }
    print(f"{'injected set':<15} {'split':<10} {'n':>5} {'precision':>9} {'recall':>7}")
    for set_name, injector in sets.items():
        for split, arts in splits.items():
            rng = random.Random(f"{args.seed}-{set_name}-{split}")
            n, p, r, misses, fps = run_set(linter, arts, injector, rng)
            print(f"{set_name:<15} {split:<10} {n:>5} {p:>9.3f} {r:>7.3f}")
            if args.show_misses:
                for m in misses[:15]:
                    print("      miss", m)
                for m in fps[:15]:
                    print("      fp  ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
