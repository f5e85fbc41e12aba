"""`mlprep optimize`: fitting FSRS parameters with fsrs-rs to a review log whose true parameters are
known (a simulated learner), held-out evaluation, storage, use by the scheduler, backup, reset."""

from __future__ import annotations

import json
import math
from datetime import timedelta, timezone

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep import settings
from mlprep.cli.app import app
from mlprep.rules import FSRS_PARAMETERS_KEY, MIN_OPTIMIZE_REVIEWS
from mlprep.srs import optimize as optlib
from mlprep.srs import scheduler as sched
from mlprep.srs import simulate
from mlprep.store import backup
from mlprep.store.db import Store

runner = CliRunner()
try:
    import fsrs_rs_python  # noqa: F401

    HAVE_FSRS_RS = True
except ImportError:
    HAVE_FSRS_RS = False
needs_fsrs_rs = pytest.mark.skipif(not HAVE_FSRS_RS, reason='fsrs-rs-python is not installed (pip install ".[optimize]")')


def _log_distance(params, true) -> float:
    """How far the initial stabilities (w0-w3, the best-determined parameters) are from the truth, in log space."""
    return sum(abs(math.log(p / t)) for p, t in zip(params[:4], true[:4]))


def store_log(store: Store, log) -> None:
    """Write a simulated log into the store through the real review path."""
    s = sched.make_scheduler(enable_fuzzing=False)
    for item_id, at, rating in log:
        sched.review(store, s, item_id=item_id, rating=Rating(rating), now=at, correct=rating > 1, response_ms=4000,
                     session_id=None, section="sim")


@needs_fsrs_rs
@pytest.mark.parametrize("seed", [0, 2])
def test_the_fit_moves_toward_the_true_parameters_and_predicts_held_out_reviews_better(seed):
    log = simulate.simulate(cards=600, days=150, seed=seed)
    result = optlib.fit(simulate.histories(log), timezone.utc)
    true = simulate.TRUE_PARAMETERS
    default = optlib.default_parameters()
    assert len(result.parameters) == len(default) == 21
    assert _log_distance(result.parameters, true) < 0.5 * _log_distance(default, true)
    assert result.fitted.log_loss < result.default.log_loss
    assert result.fitted.rmse_bins < result.default.rmse_bins
    assert result.improved and result.reviews == len(log)
    # the latest 20% of items, by time, are held out of the fit
    assert result.test_items == pytest.approx(0.25 * result.train_items, rel=0.02)
    sched.make_scheduler(parameters=result.parameters)  # fsrs accepts the fitted vector as it is


@needs_fsrs_rs
def test_split_holds_out_the_latest_reviews():
    log = simulate.simulate(cards=100, days=60, seed=3)
    items = optlib.build_items(simulate.histories(log), timezone.utc)
    train, test = optlib.split(items, 0.2)
    assert len(test) == round(0.2 * len(items)) and len(train) + len(test) == len(items)
    times = [t for t, _ in items]
    assert times == sorted(times)


@needs_fsrs_rs
def test_optimize_refuses_too_few_reviews_saying_how_many_are_needed(tmp_path):
    log = simulate.simulate(cards=20, days=10, seed=1)[:50]
    with Store(tmp_path / "db") as store:
        store_log(store, log)
        with pytest.raises(optlib.OptimizeError) as exc:
            optlib.optimize(store, timezone.utc)
        assert f"at least {MIN_OPTIMIZE_REVIEWS}" in str(exc.value) and f"{MIN_OPTIMIZE_REVIEWS - 50} more" in str(exc.value)
        assert store.get_setting(FSRS_PARAMETERS_KEY) is None
    out = runner.invoke(app, ["optimize"])
    assert out.exit_code == 1 and f"at least {MIN_OPTIMIZE_REVIEWS}" in out.output and "you have 0" in out.output


@needs_fsrs_rs
def test_optimize_command_stores_parameters_the_scheduler_then_uses_backup_and_reset(tmp_path, mlprep_home):
    log = simulate.simulate(cards=400, days=120, seed=4)
    with Store() as store:
        store_log(store, log)
    out = runner.invoke(app, ["optimize"])
    assert out.exit_code == 0, out.output
    assert "log loss" in out.output and "RMSE (bins)" in out.output and "Saved" in out.output
    assert "held out to test" in out.output
    with Store() as store:
        doc = json.loads(store.get_setting(FSRS_PARAMETERS_KEY))
        fitted = tuple(doc["parameters"])
        assert doc["reviews"] == len(log) and doc["log_loss"]["fitted"] < doc["log_loss"]["default"]
        assert sched.scheduler_for(store).parameters == fitted
        assert sched.memory_parameters(store) == fitted
        saved = backup.dump(store)
    assert "fitted to your reviews" in runner.invoke(app, ["config", "list"]).output
    # the parameters travel with a backup, and a damaged vector is refused on restore
    with Store(tmp_path / "other.db") as other:
        backup.restore(other, json.loads(json.dumps(saved)))
        assert sched.scheduler_for(other).parameters == fitted
    bad = json.loads(json.dumps(saved))
    row = next(r for r in bad["tables"]["settings"] if r["key"] == FSRS_PARAMETERS_KEY)
    row["value"] = json.dumps({"parameters": [1.0] * 7})
    with Store(tmp_path / "third.db") as third, pytest.raises(backup.BackupError, match="21 numbers"):
        backup.restore(third, bad)
    out = runner.invoke(app, ["optimize", "--reset"])
    assert out.exit_code == 0 and "default parameters" in out.output
    with Store() as store:
        assert store.get_setting(FSRS_PARAMETERS_KEY) is None
        assert sched.scheduler_for(store).parameters == tuple(optlib.default_parameters())


@needs_fsrs_rs
def test_fitted_parameters_change_the_intervals(tmp_path):
    with Store(tmp_path / "db") as store:
        now = simulate.simulate(cards=1, days=1)[0][1]
        default = sched.scheduler_for(store, enable_fuzzing=False, now=now)
        store.set_setting(FSRS_PARAMETERS_KEY, json.dumps({"parameters": list(simulate.TRUE_PARAMETERS)}))
        fitted = sched.scheduler_for(store, enable_fuzzing=False, now=now)
        card = sched.new_card("x", now)
        for s in (default, fitted):
            s.learning_steps = ()
        d1 = default.review_card(card, Rating.Good, review_datetime=now)[0].due - now
        d2 = fitted.review_card(card, Rating.Good, review_datetime=now)[0].due - now
        assert d2 > d1 + timedelta(days=3)  # w2 (first Good) 9 days instead of 2.3


def test_fsrs5_vectors_are_extended_and_bad_vectors_refused():
    five = optlib.default_parameters()[:19]
    assert settings.to_fsrs_parameters(five)[19:] == (0.0, 0.5)
    with pytest.raises(ValueError, match="21 numbers"):
        settings.to_fsrs_parameters([1.0] * 5)
    with pytest.raises(ValueError, match="outside"):
        settings.to_fsrs_parameters([1000.0] * 21)
    assert settings.clip_parameters([1000.0] * 19)[0] <= 100


def test_without_fsrs_rs_the_message_names_the_install_command(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_fsrs_rs(name, *args, **kwargs):
        if name == "fsrs_rs_python":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fsrs_rs)
    out = runner.invoke(app, ["optimize"])
    assert out.exit_code == 1 and 'pip install ".[optimize]"' in out.output


@needs_fsrs_rs
def test_a_fit_that_does_not_beat_the_defaults_is_not_saved(tmp_path, monkeypatch):
    log = simulate.simulate(cards=200, days=90, seed=5)
    with Store(tmp_path / "db") as store:
        store_log(store, log)
        worse = optlib.Evaluation(log_loss=9.0, rmse_bins=0.9)
        real_evaluate = optlib.evaluate
        monkeypatch.setattr(optlib, "evaluate", lambda params, items: worse if tuple(params) != tuple(
            optlib.default_parameters()) else real_evaluate(params, items))
        result = optlib.optimize(store, timezone.utc)
        assert not result.improved and not result.saved
        assert store.get_setting(FSRS_PARAMETERS_KEY) is None
