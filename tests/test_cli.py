import io
import json
from pathlib import Path

import pytest

from service import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_extract_txt_files_echo_ids(capsys):
    path = sorted(SEEDS.glob("*.txt"))[0]
    assert cli.main(["extract", str(path)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["id"] == path.stem and row["quotes"]


def test_extract_jsonl_from_stdin(monkeypatch, capsys):
    lines = "\n".join(json.dumps({"id": str(i), "text": "The mayor said the road was closed.", "x": 1})
                      for i in range(2))
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert cli.main(["extract"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["0", "1"]


def test_extract_reports_bad_input_clearly(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "1", "text": "   "}'))
    assert cli.main(["extract"]) == 2
    assert "empty" in capsys.readouterr().err


def test_evaluate_on_seeds_prints_figures(capsys):
    assert cli.main(["evaluate", "--gold", str(SEEDS / "seeds_gold.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 5 and 0 < report["loose"]["f1"] <= 1


def test_extract_keeps_only_the_kinds_asked_for(monkeypatch, capsys):
    text = "A new poll shows that most voters back the plan. The mayor said the road was closed."
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "k", "text": text})))
    assert cli.main(["extract", "--kinds", "evidence"]) == 0
    assert [q["kind"] for q in json.loads(capsys.readouterr().out)["quotes"]] == ["evidence"]


def test_an_unknown_kind_on_the_command_line_is_refused(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["extract", "--kinds", "rumour"])
    assert exit.value.code == 2
    assert "kinds are speech, belief, evidence, refusal" in capsys.readouterr().err


def test_the_learners_write_their_data_files_from_a_corpus(tmp_path, capsys):
    text = ("Mrs. Dana Holt, a speechwriter, said the plan was late. Mrs. Holt left. "
            "Tom Reyes, a speechwriter for the mayor, said he would stay.")
    cues_at = [i for i in range(len(text)) if text.startswith("said", i)]
    quotes = [{"type": "indirect", "cue": {"start": i, "end": i + 4}, "quote": {"start": i + 5, "end": i + 20}}
              for i in cues_at]
    corpus = tmp_path / "train.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": text, "quotes": quotes}) for i in range(3)))
    names, roles, cues = tmp_path / "names.tsv", tmp_path / "roles.txt", tmp_path / "cues.tsv"
    assert cli.main(["first-names", "--train", str(corpus), "--output", str(names)]) == 0
    assert cli.main(["role-nouns", "--train", str(corpus), "--output", str(roles)]) == 0
    assert cli.main(["inventory", "--train", str(corpus), "--output", str(cues), "--min-seen", "3"]) == 0
    assert "dana\tf\t1.0\t3" in names.read_text()
    assert "speechwriter" in roles.read_text().splitlines()
    assert "said\tclause\t1.0\t6" in cues.read_text()
