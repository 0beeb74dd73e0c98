"""The certainty model: loading is strict, predictions are explained, apply_model only suggests."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from claimcheck.draft import draft_lines
from claimcheck.io import InputError
from claimcheck.model import FEATURE_SPEC, apply_model, features, load_model

SHIPPED = Path(__file__).resolve().parent.parent / "benchmarks" / "models" / "certainty-pubmed.json"


def _tiny() -> dict:
    """Three features, one per level, strong enough to decide alone."""
    return {
        "format": 1,
        "classes": [1, 2, 3],
        "intercept": [0.0, 0.0, 0.5],
        "weights": {
            "perhaps": [3.0, -1.0, -2.0],
            "linked to": [-1.0, 2.5, -1.5],
            "rule_level=2": [0.0, 0.8, -0.8],
        },
        "features": FEATURE_SPEC,
    }


def _write(tmp_path: Path, obj, name: str = "model.json") -> Path:
    p = tmp_path / name
    p.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return p


def test_features_mix_ngrams_rule_level_and_cues():
    f = features("Coffee is associated with 3 outcomes.", 2)
    assert "associated with" in f
    assert "with #" in f
    assert "rule_level=2" in f
    assert any(x.startswith("cue=") for x in f)
    assert f == sorted(set(f))


def test_tiny_model_level_and_explanation(tmp_path):
    m = load_model(_write(tmp_path, _tiny()))
    level, prob, why = m.predict("Sleep is linked to mood.", 2)
    assert level == 2
    assert 0.5 < prob < 1
    # 'linked to' pushes 2.5 - 0 = +2.5 above its mean, rule_level=2 +0.8 - 0 = +0.8
    assert why == "model: 'linked to' +2.5, rule_level=2 +0.8"
    assert m.predict("Perhaps it helps.", 3)[:1] == (1,)
    level, _, why = m.predict("It helps.", 3)
    assert (level, why) == (3, "model: intercept only")


def test_predict_drafts_when_no_draft_given(tmp_path):
    m = load_model(_write(tmp_path, _tiny()))
    assert m.predict("Sleep is associated with mood.") == m.predict("Sleep is associated with mood.", 2)


@pytest.mark.parametrize(
    ("text", "level"),
    [("X is associated with Y.", 2), ("X may reduce Y.", 1), ("X reduces Y.", 3)],
)
def test_shipped_model_ranks_plain_examples(text, level):
    m = load_model(SHIPPED)
    got, prob, why = m.predict(text)
    assert got == level
    assert prob > 0.5
    assert why.startswith("model: ")


def test_shipped_model_is_small_and_says_where_it_came_from():
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert SHIPPED.stat().st_size < 300_000
    assert raw["trained_on"]["yu"]["split"] == "dev"
    assert "GPL-3.0" in raw["licence_note"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "not valid JSON"),
        ([1, 2, 3], "expected a JSON object"),
        ({k: v for k, v in _tiny().items() if k != "weights"}, "missing key 'weights'"),
        ({**_tiny(), "classes": [0, 1, 2, 3]}, "'classes'"),
        ({**_tiny(), "classes": [3, 2, 1]}, "'classes'"),
        ({**_tiny(), "weights": {"perhaps": [1.0, 2.0]}}, "weights['perhaps']: expected a list of 3 numbers"),
        ({**_tiny(), "intercept": [0, 0, "x"]}, "'intercept'"),
        ({**_tiny(), "weights": {"perhaps": [1.0, True, 0.0]}}, "finite numbers"),
        ({**_tiny(), "format": 2}, "'format'"),
        ({**_tiny(), "features": {"binary": False}}, "'features'"),
        ({**_tiny(), "bias": 1}, "unknown key 'bias'"),
        ("", "empty"),
    ],
)
def test_malformed_files_raise_input_error_naming_the_file(tmp_path, content, needle):
    p = _write(tmp_path, content, "bad-model.json")
    with pytest.raises(InputError) as e:
        load_model(p)
    msg = str(e.value)
    assert str(p) in msg
    assert needle in msg
    assert "\n" not in msg


def test_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_model(tmp_path / "absent.json")


def test_apply_model_keeps_0_and_4_rows_rows_and_order(tmp_path):
    m = load_model(_write(tmp_path, _tiny()))
    lines = [
        "Does coffee cure cancer?",  # question: 0
        "Turmeric is proven to cure arthritis.",  # booster: 4
        "Perhaps sleep is linked to mood.",  # hedged by the rules; the tiny model says 1
        "Sleep is linked to mood.",  # rules 2 or 3; the tiny model says 2
        "Sleep restores the body.",  # plain: the tiny model keeps 3
    ]
    drafts = draft_lines(lines)
    drafts.index = pd.Index([10, 11, 12, 13, 14])
    before = drafts.copy()
    out = apply_model(drafts, m)
    pd.testing.assert_frame_equal(drafts, before)  # input untouched
    assert list(out.index) == list(drafts.index)
    assert out["text"].tolist() == lines
    assert out["certainty"].dtype == drafts["certainty"].dtype
    assert out["certainty"].tolist()[:2] == drafts["certainty"].tolist()[:2] == [0, 4]
    assert out["draft_rules"].tolist()[:2] == drafts["draft_rules"].tolist()[:2]
    assert out["certainty"].tolist()[2:] == [1, 2, 3]
    for rules, old in zip(out["draft_rules"].tolist()[2:], drafts["draft_rules"].tolist()[2:], strict=True):
        assert rules.startswith(old + "; model=")
    assert "model=2(" in out["draft_rules"].iloc[3]
    assert "'linked to' +2.5" in out["draft_rules"].iloc[3]
    other = [c for c in drafts.columns if c not in ("certainty", "draft_rules")]
    pd.testing.assert_frame_equal(out[other], drafts[other])


def test_apply_model_is_deterministic_and_handles_empty(tmp_path):
    m = load_model(_write(tmp_path, _tiny()))
    drafts = draft_lines(["Sleep is linked to mood.", "Perhaps it helps."])
    pd.testing.assert_frame_equal(apply_model(drafts, m), apply_model(drafts, m))
    empty = drafts.iloc[:0]
    assert len(apply_model(empty, m)) == 0


def test_cli_draft_with_model_suggests_levels_and_rederives_verdicts(tmp_path, capsys):
    from claimcheck.cli import main

    lines = tmp_path / "lines.txt"
    lines.write_text("Metformin is associated with lower cancer risk.\nDoes coffee cause cancer?\n", "utf-8")
    out = tmp_path / "drafts.csv"
    assert main(["draft", "--lines", str(lines), "--model", str(SHIPPED), "-o", str(out)]) == 0
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert "model=2(" in got["draft_rules"].iloc[0]
    assert "model=" not in got["draft_rules"].iloc[1]  # a question stays the rules' level 0
    assert got["verdict"].tolist() == ["", ""]  # no evidence level yet: no verdict to derive


def test_cli_draft_with_a_broken_model_is_one_line(tmp_path, capsys):
    from claimcheck.cli import main

    lines = tmp_path / "lines.txt"
    lines.write_text("Statins may reduce dementia.\n", "utf-8")
    bad = tmp_path / "model.json"
    bad.write_text("{", "utf-8")
    assert main(["draft", "--lines", str(lines), "--model", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(bad) in err and "\n" not in err and "Traceback" not in err


def test_the_shipped_model_was_trained_on_the_shipped_certainty_lexicon():
    """Its rule_level and cue= features only mean what they meant in training on the same lexicon."""
    from claimcheck.cues import load_lexicon

    m = load_model(SHIPPED)
    assert m.meta["rule_lexicons"]["certainty"] == load_lexicon("certainty").version
    assert m.stale_rules() is None


def test_a_model_from_another_lexicon_version_warns_in_one_line_and_still_drafts(tmp_path, capsys):
    from claimcheck.cli import main
    from claimcheck.cues import load_lexicon

    old = load_lexicon("certainty").version - 1
    path = _write(tmp_path, {**_tiny(), "rule_lexicons": {"certainty": old}})
    assert f"certainty lexicon v{old}" in load_model(path).stale_rules()
    lines = tmp_path / "lines.txt"
    lines.write_text("Perhaps it helps.\n", "utf-8")
    out = tmp_path / "drafts.csv"
    assert main(["draft", "--lines", str(lines), "--model", str(path), "-o", str(out)]) == 0
    warning = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("warning:")]
    assert len(warning) == 1 and str(path) in warning[0] and "retrain" in warning[0]
    assert "model=1(" in pd.read_csv(out, dtype=str)["draft_rules"].iloc[0]


def test_a_model_without_the_lexicon_stamp_is_not_judged(tmp_path):
    assert load_model(_write(tmp_path, _tiny())).stale_rules() is None


@pytest.mark.parametrize("stamp", [{"certainty": "v8"}, {"certainty": 0}, {"certainty": True}, ["certainty", 8]])
def test_a_malformed_lexicon_stamp_is_refused_naming_the_key(tmp_path, stamp):
    with pytest.raises(InputError, match="'rule_lexicons'.*positive integer"):
        load_model(_write(tmp_path, {**_tiny(), "rule_lexicons": stamp}))
