"""The NC2xx fragment rules, declared once with their documentation and examples."""

from __future__ import annotations

from ...findings import Category, Severity
from ...rules import Rule

__all__ = ["RULES"]

_F = Category.FRAGMENT

TRUNCATED_SENTENCE = Rule(
    code="NC201",
    name="truncated-sentence",
    category=_F,
    summary="A sentence stops on a word that cannot end it (an article, preposition, conjunction, auxiliary).",
    rationale=(
        "Cut-and-paste and machine translation leave sentences that break off mid-phrase, such as "
        "'There is a possibility of building a'. The reader notices at once; a spell-checker never does."
    ),
    severity=Severity.WARNING,
    failing=(
        "Putin in Beijing\n\nPutin praised the plan. There is a possibility of building a\n\nThe talks went on.",
        "The minister said the deal would be signed during.\n",
        "Officials met on Monday to discuss the.\n",
        "Plants\n\nMOSCOW (AFP) — The company said it would invest in new plants in\n\nThe board agreed.",
    ),
    passing=(
        "Putin praised the plan. There is a possibility of building a new pipeline.",
        "It was the issue they cared about.",
        "Rescue Work Under Way In The\n\nThe talks went on.",
        "Vote\n\nThe count ended at noon.\n\nThe new president was sworn in\n\nShe spoke briefly.",
    ),
)

MISSING_END_PUNCTUATION = Rule(
    code="NC202",
    name="missing-end-punctuation",
    category=_F,
    summary="A body paragraph ends without a full stop, question mark or exclamation mark.",
    rationale=(
        "A paragraph of running text whose last sentence has no final punctuation was usually cut off "
        "or pasted in from elsewhere. Headlines, labels and short title-case lines are left alone."
    ),
    severity=Severity.WARNING,
    failing=(
        (
            "Talks began on Monday.\n\nThe two leaders met in Beijing. They agreed to expand trade in energy and "
            "grain over the next five years\n\nThe summit ended on Friday."
        ),
    ),
    passing=(
        "Talks began on Monday.\n\nThe two leaders met in Beijing. They agreed to expand trade.\n\nMore soon.",
        "Talks Begin In Beijing\n\nThe two leaders met in Beijing.",
        "The two leaders met in Beijing. They listed three aims:\n\n- trade\n- energy",
        (
            "Oil\n\nPrices rose again.\n\nTraders were nervous.\n\n"
            "No one really knows if oil prices are going to keep rising\n\nAnalysts disagree."
        ),
    ),
)

SUBJECTLESS_STUB = Rule(
    code="NC203",
    name="subjectless-stub",
    category=_F,
    summary="A sentence opens with a finite verb and has no subject ('Has entered.').",
    rationale=(
        "A verb phrase split off the sentence it belongs to reads as a stray stub. Imperatives "
        "(base-form verbs) and questions are not reported."
    ),
    severity=Severity.WARNING,
    failing=(
        "The war is entering a critical phase after months of delays. Has entered.",
        "Russia supplies key parts for weapons. Continues to supply.",
    ),
    passing=(
        "The war is entering a critical phase. Has it entered a new one?",
        "Continue to supply the troops, the general ordered.",
        "Will Smith attended the premiere.",
    ),
)

LOWERCASE_START = Rule(
    code="NC204",
    name="lowercase-start",
    category=_F,
    summary="A sentence after a full stop starts with a lowercase word.",
    rationale=(
        "A lowercase word after a full stop is a piece of the previous sentence split off by a "
        "stray period ('... to Russia. continues to supply.'). Name particles (de, van), brand names "
        "(iPhone) and text after abbreviations are left alone."
    ),
    severity=Severity.WARNING,
    failing=(
        "Russia is supplying key parts needed for weapons production. continues to supply.",
        "The company lost money. and its shares fell sharply on Friday.",
    ),
    passing=(
        "The verdict surprised him. de Klerk said he would appeal.",
        "Sales rose. iPhone shipments doubled.",
        "He arrived at 10 a.m. and left at noon.",
    ),
)

ORPHANED_ATTRIBUTION = Rule(
    code="NC205",
    name="orphaned-attribution",
    category=_F,
    summary="An attribution ('said.', '” said X') is cut off from its quote by a full stop.",
    rationale=(
        "'… ensuring Ukraine’s security. said.' or '“… soon.” said researcher X' puts a full stop where "
        "the sentence continues: the attribution is orphaned and reads as a fragment. Use a comma "
        "inside the quote ('soon,” said …') or join the attribution to its sentence."
    ),
    severity=Severity.WARNING,
    failing=(
        "He said talks must include withdrawing troops and ensuring Ukraine’s security. said.",
        "“They have no intention of turning their backs on each other anytime soon. ” said researcher Foo.",
        "“We will win.” said the coach.",
    ),
    passing=(
        "“We will win,” said the coach.",
        "“Why?” she asked.",
        "The talks must include ensuring Ukraine’s security, Zelenskiy said.",
    ),
)

DOUBLED_PUNCTUATION = Rule(
    code="NC206",
    name="doubled-punctuation",
    category=_F,
    summary="Punctuation is doubled ('Xinhua. .', ',,', '.,').",
    rationale=(
        "Doubled marks are left behind when text is edited or stitched together. '. .' and ',,' are "
        "fixed safely by keeping one mark; mixed pairs need a human to choose."
    ),
    severity=Severity.WARNING,
    fixable=True,
    failing=(
        "Putin said so, according to state news agency Xinhua. .",
        "The plan,, which was rejected, is back.",
        "The plan was rejected., officials said.",
    ),
    passing=(
        "He paused . . . and then went on.",
        "He paused... and then went on.",
        "She asked: what now?! Nobody knew.",
    ),
)

SPACED_PUNCTUATION = Rule(
    code="NC207",
    name="spaced-punctuation",
    category=_F,
    summary="A space stands before a comma, full stop, colon or closing quote ('soon. ”').",
    rationale=(
        "English puts no space before , . ; : ? ! or a closing quotation mark. A stray space there is "
        "a sign of careless joining or machine translation."
    ),
    severity=Severity.INFO,
    fixable=True,
    failing=(
        "“They will not turn their backs on each other anytime soon. ” said Foo.",
        "The plan , officials said, was rejected.",
    ),
    passing=(
        "“They will not turn their backs on each other anytime soon,” said Foo.",
        "Growth was .5 percent. He paused . . . and went on.",
    ),
)

UNBALANCED_QUOTES = Rule(
    code="NC208",
    name="unbalanced-quotes",
    category=_F,
    summary="A quotation is opened and never closed, or closed without being opened, in a paragraph.",
    rationale=(
        "A missing quotation mark blurs who said what. News style lets a quotation run on into the next "
        "paragraph without a closing mark when that paragraph opens with a quotation mark; that is not reported."
    ),
    severity=Severity.WARNING,
    failing=(
        "“We will win, the coach said.\n\nThe match starts at noon.",
        "The coach said we will win.” The match starts at noon.",
        'He said "we will win and left.\n\nThe match starts at noon.',
    ),
    passing=(
        "“We will win,” the coach said.",
        "“We will win.\n\n“And we will win again next year,” the coach said.",
        "He is 6ft 2in, or 6' 2\", tall.",
    ),
)

UNBALANCED_BRACKETS = Rule(
    code="NC209",
    name="unbalanced-brackets",
    category=_F,
    summary="A parenthesis or square bracket is opened and not closed (or the reverse) in a paragraph.",
    rationale="A lost bracket usually means part of the sentence was cut or pasted badly.",
    severity=Severity.WARNING,
    failing=(
        "Xi Jinping (right and Vladimir Putin attend a ceremony.",
        "Xi Jinping right) and Vladimir Putin attend a ceremony.",
    ),
    passing=(
        "Xi Jinping (right) and Vladimir Putin attend a ceremony.",
        "The options were: a) talk, b) wait.",
        "Good news :) for once.",
    ),
)

VERBLESS_FRAGMENT = Rule(
    code="NC210",
    name="verbless-fragment",
    category=_F,
    summary="A sentence in running text has no verb at all ('Chinese Foreign Policy at Nanyang University.').",
    rationale=(
        "A piece of a title or an apposition split off its sentence by a stray full stop reads as a "
        "fragment. Journalists' deliberate short fragments ('Not any more.') and quoted speech are left "
        "alone. Whether a word can be a verb comes from a lexicon, so a noun that can also be a verb "
        "('report', 'plan') keeps a fragment quiet: the rule misses some fragments rather than cry wolf."
    ),
    severity=Severity.WARNING,
    failing=(
        (
            "The view came from researcher Professor Foo Tian Boon. Chinese Foreign Policy at Nanyang "
            "Technological University, Singapore."
        ),
    ),
    passing=(
        "The view came from Professor Foo Tian Boon of Nanyang Technological University, Singapore.",
        "Was the plan a success? Not really.",
        "“A disgrace to the whole nation.” That was his verdict.",
    ),
)

FIRST_PERSON_NARRATION = Rule(
    code="NC211",
    name="first-person-narration",
    category=_F,
    summary="A first-person sentence ('I was disappointed.') stands outside quotes in third-person reporting.",
    rationale=(
        "A stray first-person sentence in an otherwise third-person report is usually a quotation that "
        "lost its quotation marks and its attribution. Articles written in the first person throughout "
        "(columns, diaries) are left alone. 'We ...' and 'In my view, ...' sentences, which editorials "
        "use too, are reported only in articles with attribution verbs as dense as a news report's."
    ),
    severity=Severity.WARNING,
    failing=(
        (
            "The visit comes as the military is on the offensive. I was disappointed.\n\n"
            "The visit underscored the partnership between the two countries."
        ),
        (
            "Talks will resume on Monday, the ministry said. We will see what happens next.\n\n"
            "The minister told reporters that a deal was close."
        ),
    ),
    passing=(
        "“I was disappointed,” the minister said.\n\nThe visit underscored the partnership.",
        "I went to Kyiv in May. I met soldiers there. I slept in a basement.\n\nI will go back.",
        "Britain entered World War I in 1914.",
        "The council should pass the budget. We will see whether it listens.\n\nThe vote is on Monday.",
        "The talks ended without a deal, our correspondent says.\n\nOfficials said they would meet again.",
    ),
)

RULES = (
    TRUNCATED_SENTENCE,
    MISSING_END_PUNCTUATION,
    SUBJECTLESS_STUB,
    LOWERCASE_START,
    ORPHANED_ATTRIBUTION,
    DOUBLED_PUNCTUATION,
    SPACED_PUNCTUATION,
    UNBALANCED_QUOTES,
    UNBALANCED_BRACKETS,
    VERBLESS_FRAGMENT,
    FIRST_PERSON_NARRATION,
)
