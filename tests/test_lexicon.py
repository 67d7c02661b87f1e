"""The data files: one reader, and a malformed row names its file and line."""

import pytest

from models import lexicon


def test_every_data_file_loads():
    assert lexicon.load_lexicon().titles


def test_a_malformed_row_names_the_file_and_the_line(monkeypatch):
    rows = [(1, "ok\tfine"), (7, "missing a field")]
    monkeypatch.setattr(lexicon.DataFiles, "numbered_lines", lambda self, name: rows)
    with pytest.raises(lexicon.DataFileError, match=r"models/data/aliases.tsv, line 7: 1 tab-separated fields"):
        lexicon.DataFiles().table("aliases.tsv", 2)
