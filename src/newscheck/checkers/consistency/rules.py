"""The consistency rules (NC3xx), declared once with their examples."""

from __future__ import annotations

from ...findings import Category, Severity
from ...rules import Rule

NAME_VARIANT = Rule(
    code="NC301",
    name="name-variant",
    category=Category.CONSISTENCY,
    summary="A proper name is spelled two ways in one article.",
    rationale=(
        "An article that writes Yushchenko in one paragraph and Yuschenko in the next was "
        "stitched from several sources or translated carelessly, and the reader cannot tell "
        "whether one person is meant. Found without a list: capitalised names are grouped by a "
        "transliteration-aware key (kh/h, y/i/iy, ov/iv/off, -enko/-enka, ou/u, ph/f, q/k, "
        "dh/d, doubled letters, diacritics, hyphens, al-/el-) and compared within each group. "
        "The less frequent spelling is reported, pointing at the other. A name the known-variant "
        "table lists is still compared with spellings the table does not list."
    ),
    severity=Severity.WARNING,
    failing=(
        "Protesters gathered outside the office of Mikheil Saakashvili on Monday. "
        "Supporters of Mr Saakashwili said the march would go on.",
        "Palestinian leader Mahmoud Abbas spoke in Ramallah. Abbas said the talks were over, "
        "but aides to Mahmud Abbas called for calm.",
        "The café owner, José Álvarez, said trade was slow. Alvarez added that he hoped "
        "tourists would return, and Álvarez's neighbours agreed.",
    ),
    passing=(
        "Officials from Austria met counterparts from Australia in Vienna on Monday.",
        "Boris Johnson spoke to Ed Johnston, the Labour councillor, on Friday.",
        "Jon Smith and John Brown both denied the charges in court on Tuesday.",
        "Chinese President Xi Jinping met Putin. Xi said Putin’s visit was a success.",
        "Troops from Niger crossed into Nigeria. Niger's army said the raid was agreed.",
    ),
    fixable=True,
)

KNOWN_VARIANT = Rule(
    code="NC302",
    name="known-variant",
    category=Category.CONSISTENCY,
    summary="Two known spellings of one name (Kiev/Kyiv, Gaddafi/Qaddafi) appear in one article.",
    rationale=(
        "Transliterations and renamed places have several established spellings; an article "
        "should use one. A curated table (data/known_variants.toml, with provenance) names "
        "every form and the one the major wire services prefer today. A single spelling used "
        "throughout is consistent and is not reported; to enforce a preferred spelling, "
        "configure house-style (NC305)."
    ),
    severity=Severity.WARNING,
    failing=(
        "Russian forces pressed their offensive in the Kharkov region. Officials in Kharkiv "
        "said shelling had intensified overnight.",
        "Libyan leader Muammar Gaddafi met the envoy. Colonel Qaddafi later said talks went well.",
    ),
    passing=(
        "Officials in Kyiv said the talks would go on. Kyiv's mayor agreed.",
        "Ukrainian President Volodymyr Zelenskiy said the negotiations must continue.",
        "The restaurant in Kyiv still serves chicken Kiev to tourists.",
    ),
    fixable=True,
)

BRITISH_AMERICAN_MIX = Rule(
    code="NC303",
    name="british-american-mix",
    category=Category.CONSISTENCY,
    summary="British and American spellings are mixed in one article.",
    rationale=(
        "An article is written in one variety of English; 'defence' in one paragraph and "
        "'defense' in the next shows copy merged from different sources. The less used "
        "variety is reported. -ize in a British article is Oxford spelling and fine, but "
        "British -ise in an article of American spelling is a mix. Capitalised names (Pearl "
        "Harbor, Labor Party, World Health Organization), quotations and headlines are not "
        "counted, and ambiguous words (license, practice, tire, meter, story) count only on "
        "their unambiguous side. 'program' (British for software) and 'per cent' after a "
        "figure are weak marks: reported against the article's other spellings, never deciding "
        "them, and 'program' not at all in an article about computing. 'percent' marks nothing "
        "(Al Jazeera writes British spelling with 'percent')."
    ),
    severity=Severity.WARNING,
    failing=(
        "The defence ministry said the centre would open in spring. Critics said the defense "
        "budget could not pay for it.",
        "Ministers will organise a summit next month. They hope to organize talks on trade "
        "and to organise a new agreement with their neighbours.",
        "The labor ministry said the center would open in May. Several organisations asked "
        "for more time.",
        "The defence ministry said the centre would open in May. Ministers agreed a program "
        "of regular meetings.",
    ),
    passing=(
        "The defence ministry said the centre would open. The programme was praised.",
        "The defense department said the center would open. Her computer program crashed.",
        "She visited Pearl Harbor and the World Health Organization before flying home to "
        "her favourite theatre in London.",
        "He said the licence was valid. The firm is licensed to practise law; its practice grew.",
        "The labour ministry said the centre would open. Several organizations asked for time.",
        "The labour market was tight and the centre was busy. Prices rose 5 percent in May.",
    ),
    fixable=True,
)

QUOTED_TERM_DRIFT = Rule(
    code="NC304",
    name="quoted-term-drift",
    category=Category.CONSISTENCY,
    summary="One quoted term is rendered with different words in one article.",
    rationale=(
        "Quotation marks promise the exact words. When the same quoted label attached to the "
        "same thing appears as “boundless” partnership, “unlimited” partnership and "
        "“unrestricted” ties, at most one can be the quotation: the others are re-translations. "
        "Two quoted terms count as renderings of one quotation when they share a synonym set "
        "(data/quoted_synonyms.toml) and are attached to the same head noun or to head nouns of "
        "one set (partnership/ties/relations): the word after the quote, or the nearest head noun "
        "earlier in the same clause (\"its partnership with a German rival “boundless”\"). Each "
        "later rendering is reported, related to the others."
    ),
    severity=Severity.WARNING,
    failing=(
        "The leaders praised their “boundless” partnership. Officials later described the "
        "“unlimited” partnership as a model for others.",
        "The two countries signed a “no limits” partnership in 2022. Thursday's meeting "
        "reaffirmed the friendly “unrestricted” ties between them.",
    ),
    passing=(
        "The leaders praised their “boundless” partnership. Officials said the “boundless” "
        "partnership would deepen.",
        "Critics called it an “illegal” annexation. Observers called the vote an "
        "“illegitimate” election.",
    ),
)

HOUSE_STYLE = Rule(
    code="NC305",
    name="house-style",
    category=Category.CONSISTENCY,
    summary="A spelling the house style rejects (Kiev for Kyiv).",
    rationale=(
        "Newsrooms fix a house spelling (AP writes Kyiv since 2019). Configure the vocabulary as "
        "[tool.newscheck.consistency] house-style = {Kyiv = [\"Kiev\"]} and/or house-style-file; "
        "fixed expressions in house-style-exempt (and those the known-variant table lists, like "
        "\"chicken Kiev\") are left alone. Every rejected form gets a safe fix. Without a "
        "vocabulary the rule is silent; house-style-builtin = true adds the built-in one: the "
        "official current names of places such as Kyiv, Kharkiv and Odesa."
    ),
    severity=Severity.WARNING,
    failing=("Officials in Kiev said the talks would resume next week.",),
    passing=(
        "Officials in Kyiv said the talks would resume next week.",
        "The menu still lists chicken Kiev.",
    ),
    fixable=True,
    example_options={"house-style": {"Kyiv": ["Kiev"]}},
)

FORMAT_MIX = Rule(
    code="NC306",
    name="format-mix",
    category=Category.CONSISTENCY,
    summary="One kind of number is written two ways (per cent/percent, $240bn/$240 billion).",
    rationale=(
        "Style guides fix how percentages and large amounts are written; mixing \"per cent\" "
        "with \"percent\", or \"$5bn\" with \"$5 billion\", in one article shows copy merged from "
        "different sources. The less used style is reported."
    ),
    severity=Severity.INFO,
    failing=(
        "Prices rose 5 per cent in May. Analysts had expected a rise of 4 percent.",
        "Trade reached $240 billion last year, up from $190bn the year before.",
    ),
    passing=(
        "Prices rose 5 per cent in May, after 4 per cent in April.",
        "Trade reached $240bn last year, up from $190bn; 5% of it was energy.",
    ),
    fixable=True,
)

RULES = (NAME_VARIANT, KNOWN_VARIANT, BRITISH_AMERICAN_MIX, QUOTED_TERM_DRIFT, HOUSE_STYLE, FORMAT_MIX)
