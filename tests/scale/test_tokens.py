"""Document.tokens is compact but behaves like the list of (start, end) tuples it replaces."""

from __future__ import annotations

import bisect
import pickle

from hypothesis import given
from hypothesis import strategies as st

from newscheck import Document
from newscheck.document import _WORD


@given(st.text(alphabet=st.sampled_from("ab é\u0301’'-.\n1٣"), max_size=60), st.integers(-8, 8), st.integers(-8, 8))
def test_tokens_behave_like_a_list_of_pairs(text, i, j):
    tokens = Document(text).tokens
    expected = [m.span() for m in _WORD.finditer(text)]
    assert list(tokens) == expected and tokens == expected and len(tokens) == len(expected)
    assert list(tokens[i:j]) == expected[i:j] and list(tokens[::2]) == expected[::2]
    if -len(expected) <= i < len(expected):
        assert tokens[i] == expected[i]
    assert bisect.bisect_left(tokens, (i, -1)) == bisect.bisect_left(expected, (i, -1))
    assert pickle.loads(pickle.dumps(tokens)) == tokens
