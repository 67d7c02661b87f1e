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


def test_extract_streams_a_compressed_archive_with_its_fields_to_a_file(tmp_path):
    import gzip

    rows = [{"url": f"u{i}", "body": f'"We will reopen road {i}," the mayor said.', "outlet": "wire"} for i in range(3)]
    archive = tmp_path / "news.jsonl.gz"
    with gzip.open(archive, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "quotes.jsonl"
    assert cli.main(["extract", str(archive), "--text-key", "body", "--id-key", "url", "--output", str(out)]) == 0
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["url"], r["outlet"], len(r["quotes"])) for r in results] == [
        ("u0", "u0", "wire", 1), ("u1", "u1", "wire", 1), ("u2", "u2", "wire", 1)]
    assert all("body" not in r for r in results)  # the text is not copied back


def test_skip_errors_writes_an_error_line_in_place_and_goes_on(monkeypatch, capsys):
    good = json.dumps({"id": "a", "text": "The mayor said the road was closed."})
    lines = [good, "{not json", json.dumps({"id": "b", "body": "no text field"}),
             json.dumps({"id": "c", "text": "   "}), good.replace('"a"', '"d"')]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines)))
    assert cli.main(["extract", "--skip-errors"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in out] == ["a", None, "b", "c", "d"]
    assert [r["error"]["line"] for r in out if "error" in r] == [2, 3, 4]
    assert "JSON" in out[1]["error"]["detail"] and "text" in out[2]["error"]["detail"]
    assert "empty" in out[3]["error"]["detail"] and out[4]["quotes"]


def test_without_skip_errors_the_first_bad_line_stops_the_run_and_is_named(monkeypatch, capsys):
    lines = [json.dumps({"id": "a", "text": "The mayor said the road was closed."}),
             json.dumps({"id": "b", "text": ""})]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines)))
    assert cli.main(["extract"]) == 2
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["a"]
    assert "<stdin>:2: article b:" in captured.err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == 0 and capsys.readouterr().out.startswith("quote-attribution ")


def test_evaluate_on_seeds_prints_figures(capsys):
    assert cli.main(["evaluate", "--gold", str(SEEDS / "seeds_gold.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 5 and 0 < report["loose"]["f1"] <= 1


def test_evaluate_scores_only_the_kinds_asked_for(tmp_path, capsys):
    text = "The mayor declined to comment on the closure. The council said the road was closed."
    said = text.index("the road")
    gold = {"id": "g", "text": text, "quotes": [{"type": "indirect", "quote": {
        "start": said, "end": said + len("the road was closed"), "text": "the road was closed"}}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    precision = {}
    for kinds in ([], ["--kinds", "speech"]):
        assert cli.main(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--json", *kinds]) == 0
        precision[bool(kinds)] = json.loads(capsys.readouterr().out)["loose"]["p"]
    assert precision == {False: 0.5, True: 1.0}  # the refusal counts against a gold set without refusals


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
