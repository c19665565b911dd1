"""The boilerplate rules (NC1xx), declared once: code, name, rationale and examples."""

from __future__ import annotations

from ...findings import Category, Severity
from ...rules import Rule

__all__ = [
    "AD_MARKER",
    "COPYRIGHT_LINE",
    "DUPLICATE_PARAGRAPH",
    "INSERTED_HEADLINE",
    "LISTED_PHRASE",
    "PHOTO_CAPTION",
    "PROMO_LINE",
    "RELATED_LINK",
    "RULES",
]

_BODY_1 = "Officials said the bridge would reopen on Monday after three weeks of repairs."
_BODY_2 = "The work cost £2m, the council said, and was finished ahead of schedule."

PROMO_LINE = Rule(
    code="NC101",
    name="promo-line",
    category=Category.BOILERPLATE,
    summary="A call to action from the web page: app download, newsletter, subscribe, share or follow prompt.",
    rationale=(
        "Pages wrap stories in prompts to click, download the app, sign up for a newsletter, "
        "follow the outlet or listen to the article. Copied with the text, they read as part "
        "of the story. A short unit (paragraph or sentence) that is a call to action in the "
        "imperative or second person is reported; the same words reported about someone "
        "else (\"the council urged residents to sign up for alerts\") are not."
    ),
    severity=Severity.WARNING,
    failing=(
        f"Bridge to reopen\n\n{_BODY_1}\n\nCLICK HERE TO GET THE FOX NEWS APP\n\n{_BODY_2}\n",
        f"{_BODY_1}\n\nSign up for our free morning newsletter to get the news delivered to your inbox.\n\n{_BODY_2}\n",
        f"{_BODY_1} Follow us on Twitter for the latest updates.\n\n{_BODY_2}\n",
    ),
    passing=(
        f"{_BODY_1}\n\nThe council urged residents to sign up for flood alerts on its website.\n\n{_BODY_2}\n",
        "The app, which has been downloaded 10 million times, lets users share articles with friends.\n",
    ),
    fixable=True,
)

AD_MARKER = Rule(
    code="NC102",
    name="ad-marker",
    category=Category.BOILERPLATE,
    summary="An advertising slot marker such as \"Advertisement\", \"AD\" or \"Story continues below\".",
    rationale=(
        "Ad slots leave their label behind when a page is copied as text. A paragraph that "
        "consists of such a label, or the label standing alone between two sentences, is "
        "reported; the word used in a sentence is not."
    ),
    severity=Severity.WARNING,
    failing=(
        f"{_BODY_1}\n\nADVERTISEMENT\n\n{_BODY_2}\n",
        f"{_BODY_1}\n\nStory continues below advertisement\n\n{_BODY_2}\n",
    ),
    passing=(
        "The advertisement, which ran for a week, was banned by the regulator.\n",
        "Sponsored content is growing fast, the agency said in its annual report.\n",
    ),
    fixable=True,
)

COPYRIGHT_LINE = Rule(
    code="NC103",
    name="copyright-line",
    category=Category.BOILERPLATE,
    summary="A copyright or rights notice (\"© 2024 …\", \"All rights reserved\", \"may not be redistributed\").",
    rationale=(
        "Wire and syndication notices belong to the page footer, not the story. A line or "
        "sentence that opens with a copyright sign or \"Copyright\" and a year, or is a "
        "rights-reserved or redistribution notice, is reported."
    ),
    severity=Severity.WARNING,
    failing=(
        f"{_BODY_1}\n\n{_BODY_2}\n\n© 2024 Example News Ltd. All rights reserved.\n",
        (f"{_BODY_1}\n\nCopyright 2019 The Associated Press. All rights reserved. This material may "
         "not be published, broadcast, rewritten or redistributed.\n"),
    ),
    passing=(
        "The band sued over copyright in 2019, saying all rights to the song were theirs.\n",
    ),
    fixable=True,
)

RELATED_LINK = Rule(
    code="NC104",
    name="related-link",
    category=Category.BOILERPLATE,
    summary="A link to another story: \"Read more: …\", \"RELATED: …\", \"WATCH: …\", \"… Read more\".",
    rationale=(
        "Sites interleave their stories with links to others. A paragraph made of a link "
        "label (Read more, Related, Watch, More, See also, Go deeper …) and a short "
        "headline, or a headline followed by \"Read more\", is reported."
    ),
    severity=Severity.WARNING,
    failing=(
        f"{_BODY_1}\n\nRead more: Council raises parking charges for the third year\n\n{_BODY_2}\n",
        f"{_BODY_1}\n\nRELATED: TEACHERS VOTE TO STRIKE OVER PAY\n\n{_BODY_2}\n",
        f"{_BODY_1}\n\nThousands march against the new bypass Read more\n\n{_BODY_2}\n",
    ),
    passing=(
        f"{_BODY_1}\n\nRead more about the scheme on the council's website, a spokesman said.\n",
        f"{_BODY_1}\n\nMore than 2,000 drivers used the bridge every day before it closed.\n",
    ),
    fixable=True,
)

INSERTED_HEADLINE = Rule(
    code="NC105",
    name="inserted-headline",
    category=Category.BOILERPLATE,
    summary="Another story's headline pasted between body paragraphs.",
    rationale=(
        "Related-article headlines sit between paragraphs on the page and come along when "
        "the text is copied. A short paragraph without final punctuation, with headline "
        "syntax (a name or noun, then a present-tense, modal or \"to\" verb) or in capitals, "
        "between two prose paragraphs and not introducing the paragraph after it, is "
        "reported. A headline on the first line, Markdown headings, list items, datelines, "
        "bylines and documents with a run of subheads stay quiet."
    ),
    severity=Severity.WARNING,
    failing=(
        ("Putin and Xi pledge closer ties\n\n"
         "Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit.\n\n"
         "President Putin signs decree naming Russia's new government, including change of defense minister\n\n"
         "Both leaders said they wanted the war in Ukraine to end, but offered no new proposals.\n"),
        f"{_BODY_1}\n\nGOWDY WANTS COMEY TO TESTIFY AGAIN ON CLINTON PROBE\n\n{_BODY_2}\n",
    ),
    passing=(
        f"Bridge reopens after repairs\n\n{_BODY_1}\n\n{_BODY_2}\n",
        (f"{_BODY_1}\n\nWhy the repairs took so long\n\nThe repairs took longer than planned "
         "because the steel had to be replaced, the engineers said.\n"),
    ),
    fixable=True,
)

PHOTO_CAPTION = Rule(
    code="NC106",
    name="photo-caption",
    category=Category.BOILERPLATE,
    summary="A photo or video caption, or its credit (\"(AP Photo/…)\", \"Photograph: …/Reuters\", \"Getty Images\").",
    rationale=(
        "Captions describe a picture the text no longer has, and credits name its "
        "photographer. A paragraph that ends in an image credit, opens with a caption label "
        "(Photo:, Image caption, Pictured:) or is a bare credit is reported as a whole. "
        "Datelines such as \"MOSCOW (Reuters) -\" are not credits."
    ),
    severity=Severity.WARNING,
    failing=(
        (f"{_BODY_1}\n\nPresident Joe Biden speaks at the White House in Washington, Jan. 5, 2024. "
         f"(AP Photo/Evan Vucci)\n\n{_BODY_2}\n"),
        f"{_BODY_1}\n\nPhotograph: Aaron Bernstein/Reuters\n\n{_BODY_2}\n",
        (f"{_BODY_1}\n\nXi Jinping and Vladimir Putin attend a welcome ceremony in Beijing. "
         f"(Sergei Bobylev, Sputnik, Kremlin pool photo, via AP)\n\n{_BODY_2}\n"),
    ),
    passing=(
        "WASHINGTON (AP) — President Joe Biden spoke at the White House on Friday.\n",
        "MOSCOW (Reuters) - Russia's central bank raised interest rates on Friday.\n",
        "Getty Images said its profits rose by a fifth last year.\n",
    ),
    fixable=True,
)

DUPLICATE_PARAGRAPH = Rule(
    code="NC107",
    name="duplicate-paragraph",
    category=Category.BOILERPLATE,
    summary="A paragraph that repeats an earlier one word for word or nearly so.",
    rationale=(
        "Teasers, captions and pasting errors repeat a paragraph the story already has. "
        "A paragraph of at least a few words whose normalised text equals an earlier one, "
        "or a longer one that rapidfuzz scores at 90 or more (option `duplicate-threshold`) against an earlier one, is "
        "reported at the later copy. The fix deletes the later copy; it is safe for exact "
        "repeats and unsafe for near repeats, whose differences would be lost."
    ),
    severity=Severity.WARNING,
    failing=(
        f"{_BODY_1}\n\n{_BODY_2}\n\n{_BODY_1}\n",
        (f"{_BODY_1}\n\n{_BODY_2}\n\nOfficials said the bridge would reopen on Monday after "
         "three weeks of repair work.\n"),
    ),
    passing=(
        (f"{_BODY_1}\n\n{_BODY_2}\n\nOfficials said the tunnel would close on Friday for two weeks "
         "of cleaning.\n"),
    ),
    fixable=True,
)

LISTED_PHRASE = Rule(
    code="NC108",
    name="listed-phrase",
    category=Category.BOILERPLATE,
    summary="A phrase from the boilerplate phrase list: player and page interface text, or your own list.",
    rationale=(
        "Some page furniture has a fixed wording at one outlet or video player (\"Media "
        "playback is unsupported on your device\", \"Enlarge this image\"). newscheck ships a "
        "list of them and reads your own from the file named by the `phrases` option (one "
        "phrase per line, or `re:` and a regular expression). The short paragraph, or the "
        "sentence, holding the phrase is reported."
    ),
    severity=Severity.WARNING,
    failing=(f"{_BODY_1}\n\nMedia playback is unsupported on your device\n\n{_BODY_2}\n",),
    passing=(f"{_BODY_1}\n\nThe video was played more than a million times, the council said.\n",),
    fixable=True,
)

RULES = (
    PROMO_LINE,
    AD_MARKER,
    COPYRIGHT_LINE,
    RELATED_LINK,
    INSERTED_HEADLINE,
    PHOTO_CAPTION,
    DUPLICATE_PARAGRAPH,
    LISTED_PHRASE,
)
