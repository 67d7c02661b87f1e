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
