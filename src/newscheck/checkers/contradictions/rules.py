"""Rule declarations of the contradiction family (NC4xx)."""

from __future__ import annotations

from ...findings import Category, Severity
from ...rules import Rule

C = Category.CONTRADICTION

CONFLICTING_FIGURES = Rule(
    code="NC401",
    name="conflicting-figures",
    category=C,
    severity=Severity.ERROR,
    summary="The same quantity is given two incompatible values in one article.",
    rationale=(
        "A figure restated with a different value (headline against body, lead against a later "
        "paragraph, an age given twice) means one of them is wrong, and readers cannot tell which. "
        "Approximations ('about', 'more than'), ranges, rounding, written-out numbers and "
        "'bn'/'billion' are compared as intervals, so compatible restatements stay quiet, as do "
        "updates and comparisons ('rose from 10 to 12', 'a year earlier') and disputed claims."
    ),
    failing=(
        (
            "Trade between China and Russia reached $240 billion last year, officials said.\n\n"
            "Customs data show trade between China and Russia reached $310 billion last year."
        ),
        "Jane Smith, 45, was elected on Monday.\n\nSmith, 47, said she was delighted.",
    ),
    passing=(
        (
            "Trade between China and Russia reached $240 billion last year, officials said.\n\n"
            "Customs data show trade between China and Russia reached about $243bn last year."
        ),
        (
            "Trade between China and Russia rose from $190 billion to $240 billion last year.\n\n"
            "Trade between China and Russia reached $240 billion last year."
        ),
        (
            "The Aviator has taken $75m at the box office so far.\n\n"
            "The comedy Sideways has taken $46.8m at the box office so far."
        ),
    ),
)

WEEKDAY_DATE_MISMATCH = Rule(
    code="NC402",
    name="weekday-date-mismatch",
    category=C,
    severity=Severity.ERROR,
    summary="A weekday does not fall on the date written beside it.",
    rationale=(
        "'Tuesday, May 16, 2024' cannot be right: May 16, 2024 was a Thursday. When the year is "
        "not written, it is inferred from the article's own dates."
    ),
    failing=(
        "The summit opened on Tuesday, May 16, 2024, in Beijing.",
        "The talks, held in Paris on 3 March 2024, ended early. A second round is due on Tuesday 18 March.",
    ),
    passing=(
        "The summit opened on Thursday, May 16, 2024, in Beijing.",
        "Leaders met in Beijing on May 16, 2024. At Thursday's summit they signed a statement.",
        "The match is on Saturday 14 June.",
    ),
)

ANNIVERSARY_ARITHMETIC = Rule(
    code="NC403",
    name="anniversary-arithmetic",
    category=C,
    severity=Severity.WARNING,
    summary="An anniversary, a duration or an age does not match the years the article gives.",
    rationale=(
        "'The 70th anniversary of relations established in 1949', in an article dated 2024, "
        "'the ten-year war' that began in 2022, or 'Smith, 45,' born in 1960: the arithmetic shows "
        "one of the numbers is wrong."
    ),
    failing=(
        "On May 16, 2024, the leaders marked the 70th anniversary of relations established in 1949.",
        "Talks resumed on May 16, 2024. The war began in 2022.\n\nThe ten-year war has killed thousands.",
        "On 2 March 2024, Jane Smith, 45, was elected. Smith, who was born in 1960, thanked voters.",
    ),
    passing=(
        "On May 16, 2024, the leaders marked the 75th anniversary of relations established in 1949.",
        "Talks resumed on May 16, 2024. The war began in 2022.\n\nThe two-year war has killed thousands.",
        "On 2 March 2024, Jane Smith, 63, was elected. Smith, who was born in 1960, thanked voters.",
    ),
)

SELF_REFERENCE = Rule(
    code="NC404",
    name="self-reference",
    category=C,
    severity=Severity.ERROR,
    summary="An entity acts on itself through an alias ('Russia supports Moscow's claims').",
    rationale=(
        "When the subject and the object of one clause are the same state under two names "
        "(country, capital, seat of government), one of them was almost certainly meant to be "
        "another party. The alias table ships as data and can be extended with the 'aliases' option."
    ),
    failing=(
        "Although China claims to be neutral, Russia supports Moscow’s claims that it was provoked.",
        "Officials say Russia is supplying key parts for weapons production to Russia.",
    ),
    passing=(
        "Although China claims to be neutral, Beijing supports Moscow’s claims that it was provoked.",
        "Russia said its forces in Russia were on alert.",
        "Washington said the White House would respond.",
    ),
)

NEGATED_RESTATEMENT = Rule(
    code="NC405",
    name="negated-restatement",
    category=C,
    severity=Severity.WARNING,
    summary="One sentence says a named subject did something and another says it did not.",
    rationale=(
        "'Johnson attended the summit' and, later, 'Johnson did not attend the summit' cannot both "
        "be true. Statements reconciled by time, contrast or condition ('initially', 'but', 'no "
        "longer'), quotations and disputed claims are not compared."
    ),
    failing=(
        (
            "Mr Johnson attended the summit in Brussels on Monday.\n\n"
            "Officials confirmed that Johnson did not attend the summit in Brussels."
        ),
    ),
    passing=(
        (
            "Mr Johnson attended the summit in Brussels on Monday.\n\n"
            "Mr Johnson did not attend the dinner that followed."
        ),
        (
            "Mr Johnson attended the summit in Brussels on Monday.\n\n"
            "Critics claimed Johnson did not attend the summit, but he denied it."
        ),
    ),
)

HEADLINE_TENSE_CONFLICT = Rule(
    code="NC406",
    name="headline-tense-conflict",
    category=C,
    severity=Severity.WARNING,
    summary="A headline-like line announces an event that the body reports as happening or done.",
    rationale=(
        "A pasted headline such as 'Putin will visit China this week' beside a report of the visit "
        "under way tells the reader two different times. (The boilerplate family may also flag the "
        "line as an inserted headline; the two findings say different things.)"
    ),
    failing=(
        (
            "President Putin will visit China this week and meet President Xi\n\n"
            "President Putin’s visit to China comes as fighting intensifies in Ukraine."
        ),
    ),
    passing=(
        (
            "President Putin will visit China this week and meet President Xi\n\n"
            "The Kremlin said preparations were complete."
        ),
        ("Putin to visit China next month\n\nPutin is expected to visit Beijing and Harbin, officials said."),
    ),
)

SEMANTIC_CONTRADICTION = Rule(
    code="NC407",
    name="semantic-contradiction",
    category=C,
    severity=Severity.WARNING,
    default=False,
    summary="Two sentences about the same entities contradict each other, according to a pair scorer.",
    rationale=(
        "Off by default. Sentences sharing a name or number are scored in pairs by a pluggable "
        "scorer: the built-in lexical one (a negation or antonym flip in a near-identical sentence) "
        "or an NLI model from a local directory ('backend = \"transformers\"', 'model = \"/path\"')."
    ),
    failing=(
        "The bill was approved by the Senate on Tuesday.\n\nThe bill was rejected by the Senate on Tuesday.",
    ),
    passing=("The bill was approved by the Senate on Tuesday.\n\nThe bill now goes to the House.",),
)
