"""`mlprep search`: the FTS5 index (quoting of any user text, ranking, reuse and rebuild) and the command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mlprep import paths
from mlprep.cli.app import app
from mlprep.drills.catalogue import load_drills
from mlprep.questions import bank as banklib
from mlprep.questions.topics import load_notes
from mlprep.quiz import search as searchlib
from mlprep.store.search import Doc, SearchIndex, words
from tests.helpers import question, write_bank

runner = CliRunner()

HOSTILE = ['"', '""', "'", "*", "-", "- -x", "AND", "OR", "NOT", "and or not", "NEAR(a b)", "a NEAR b", "^start",
           "col:thing", "ident:adam", "(((", ")", "{a b}", "a + b", "x*y", '"unclosed', "adam*", "-adam", "🙂",
           "\\", "%", "_", "a\x00b", "'; DROP TABLE docs; --", "", "   "]


def doc(ref, title, body="", tags="", kind="question", type_="mcq", section="s"):
    return Doc(ref, kind, type_, section, ref, title, tags, body)


@pytest.fixture
def small_index(tmp_path):
    docs = [doc("q-adam", "What does Adam's bias correction fix?", "Dividing by 1 - beta^t.", "adam bias-correction"),
            doc("q-rock", "Rock and roll", "NOT a question AND an answer OR both", "music"),
            doc("q-kmeans", "K-means picks k centroids", "Lloyd's algorithm, initialization", "k-means"),
            doc("q-other", "Adam and Eve", "A story.", "story"),
            doc("n-adam", "Adam optimizer notes", "Adam keeps moving averages; bias correction early.",
                "adam", "note", "note")]
    with SearchIndex.build(tmp_path / "idx.sqlite3", docs) as index:
        yield index


@pytest.mark.parametrize("text", HOSTILE)
def test_any_user_text_is_searched_literally_never_as_fts_syntax(small_index, text):
    hits = small_index.search(text, 5)
    assert isinstance(hits, list)
    if not words(text):
        assert hits == []


def test_operators_typed_by_the_user_are_plain_words(small_index):
    assert {h.ref for h in small_index.search("AND", 5)} == {"q-rock", "q-other"}  # both say "and"
    assert "q-rock" in [h.ref for h in small_index.search("NOT", 5)]  # (and "notes", a prefix match)
    assert [h.ref for h in small_index.search("OR both", 5)][0] == "q-rock"
    assert small_index.search("ident:adam", 5)  # the words "ident" and "adam", not a column filter


def test_every_word_ranks_before_some_words(small_index):
    hits = small_index.search("adam bias correction", 5)
    assert [h.all_words for h in hits[:2]] == [True, True]
    assert {h.ref for h in hits[:2]} == {"q-adam", "n-adam"}
    assert hits[-1].ref == "q-other" and not hits[-1].all_words


def test_prefixes_stems_and_both_spellings_of_hyphenated_words(small_index):
    assert small_index.search("init", 5)[0].ref == "q-kmeans"  # a prefix of initialization
    assert small_index.search("kmeans", 5)[0].ref == "q-kmeans"  # k-means written joined
    assert small_index.search("k-means", 5)[0].ref == "q-kmeans"
    assert small_index.search("corrections", 5)  # porter stemming


def test_kinds_limit_and_snippet_markers(small_index):
    from mlprep.store.search import MARK_END, MARK_START

    notes = small_index.search("adam", 5, kinds=["note"])
    assert [h.ref for h in notes] == ["n-adam"]
    assert len(small_index.search("adam", 1)) == 1
    hit = small_index.search("centroids", 1)[0]
    assert f"{MARK_START}centroids{MARK_END}" in hit.snippet


# ------------------------------------------------------------------ ranking on the real content

RANKING = [  # query, a tag the exact-topic item carries, the rank it must reach
    ("adam bias correction", "bias-correction", 1),
    ("vanishing gradient sigmoid", "vanishing-gradients", 1),
    ("precision recall threshold", "decision-threshold", 1),
    ("kmeans init", "k-means-plus-plus", 1),
    ("dropout scaling", "inverted-dropout", 1),
    ("batch norm", "batch-normalization", 1),
    ("l1 sparsity lasso", "lasso", 1),
    ("attention softmax sqrt", "attention-scaling", 3),
    ("random forest bagging", "bagging", 1),
    ("beam search", "beam-search", 1),
    ("gradient clipping exploding", "gradient-clipping", 1),
    ("k-means elbow", "elbow-method", 1),
    ("ab test sample size power", "sample-size", 1),
]


@pytest.fixture(scope="module")
def real():
    bank = banklib.load_bank()
    notes = load_notes(bank)
    drills = load_drills(strict=False)
    tags = {q.id: q.tags for q in bank.questions.values()}
    tags.update({t.ref: t.tags for t in notes.topics})
    tags.update({slug: d.tags for slug, d in drills.items()})
    return bank, notes, drills, tags


@pytest.mark.parametrize("query,tag,within", RANKING, ids=[q for q, _, _ in RANKING])
def test_a_few_words_find_the_item_on_that_topic(real, query, tag, within):
    bank, notes, drills, tags = real
    with searchlib.open_index(bank, notes, drills) as index:
        hits = index.search(query, 10)
    top = [h.ref for h in hits[:within]]
    assert any(tag in tags[r] for r in top), f"{query!r}: top {within} = {top}"


def test_the_index_is_built_once_and_rebuilt_when_a_bank_changes(tmp_path):
    path = write_bank(tmp_path / "b" / "b.yaml", [question("zz-1", prompt="Quokka facts?")], section="zz")
    first = runner.invoke(app, ["search", "--bank", str(path.parent), "quokka", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["results"][0]["ref"] == "zz-1"
    [index_file] = paths.cache_dir().glob("search-*.sqlite3")
    stamp = index_file.stat().st_mtime_ns
    runner.invoke(app, ["search", "--bank", str(path.parent), "quokka"])
    assert index_file.stat().st_mtime_ns == stamp  # reused
    write_bank(path, [question("zz-1", prompt="Quokka facts?"), question("zz-2", prompt="Wombat facts?")],
               section="zz")
    again = json.loads(runner.invoke(app, ["search", "--bank", str(path.parent), "wombat", "--json"]).output)
    assert again["results"][0]["ref"] == "zz-2"
    assert [p for p in paths.cache_dir().glob("search-*.sqlite3")] != [index_file] or \
        index_file.stat().st_mtime_ns != stamp
    assert len(list(paths.cache_dir().glob("search-*.sqlite3"))) == 1  # the stale one is removed


def test_search_command_text_json_limit_kind_and_escaping(tmp_path):
    path = write_bank(tmp_path / "b.yaml", [
        question("esc-1", prompt="What does [bold]quokka[/bold] print?", explanation="[red]not markup[/red]"),
        question("esc-2", "truefalse", prompt="Quokkas are marsupials?")], section="esc")
    text = runner.invoke(app, ["search", "--bank", str(path), "quokka", "markup"])
    assert text.exit_code == 0, text.output
    assert " 1. esc-1  mcq  esc" in text.output and "[bold]quokka[/bold]" in text.output
    assert "mlprep show ID" in text.output
    data = json.loads(runner.invoke(app, ["search", "--bank", str(path), "quokka", "--json", "-n", "1"]).output)
    assert data["query"] == "quokka" and len(data["results"]) == 1
    r = data["results"][0]
    assert set(r) >= {"rank", "ref", "kind", "type", "section", "snippet", "open"}
    assert "\x02" not in r["snippet"] and r["open"] == f"mlprep show {r['ref']}"
    notes = json.loads(runner.invoke(app, ["search", "adam", "--kind", "note", "--json"]).output)["results"]
    assert notes and all(n["kind"] == "note" and n["open"].startswith("mlprep learn ") for n in notes)
    drills = json.loads(runner.invoke(app, ["search", "adam", "--kind", "drill", "--json"]).output)["results"]
    assert drills[0]["ref"] == "adam" and drills[0]["open"] == "mlprep drill adam"
    none = runner.invoke(app, ["search", "--bank", str(path), "xyzzy-plugh"])
    assert none.exit_code == 0 and "Nothing matches 'xyzzy-plugh'" in none.output
    bad = runner.invoke(app, ["search", "adam", "--kind", "video"])
    assert bad.exit_code == 1 and "--kind 'video'" in bad.output


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "*", "-", "NEAR(", "col:x"])
def test_search_command_survives_hostile_queries(text):
    result = runner.invoke(app, ["search", "--", text])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_an_unwritable_cache_folder_still_searches(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("MLPREP_CACHE", str(blocker / "cache"))  # cannot be created, even by root
    path = write_bank(tmp_path / "b.yaml", [question("ro-1", prompt="Quokka facts?")], section="ro")
    result = runner.invoke(app, ["search", "--bank", str(path), "quokka", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"][0]["ref"] == "ro-1"
