"""The HTML report: rendered from a known history, offline, well formed, and opened in headless Chromium."""

from __future__ import annotations

import base64
import html
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from mlprep import clock, paths
from mlprep.cli.app import app
from mlprep.drills.catalogue import load_drills
from mlprep.errors import MlprepError
from mlprep.progress import report as report
from mlprep.progress import stats as stats
from mlprep.questions.bank import load_bank
from mlprep.srs import plan as plan
from mlprep.srs.scheduler import make_scheduler, review
from mlprep.store.db import Store
from tests.helpers import question, write_bank

runner = CliRunner()
UTC = timezone.utc
NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
TZ = clock.zone("UTC")
PLOT_KEYS = [key for key, _ in report.PLOTS]
HEADINGS = ["mlprep progress report", "Sections", "Weakest tags", "Leeches", "History", "Forecast", "Drills"]


# ---------------------------------------------------------------- a known history

def _at(days_ago: int, hour: int, minute: int = 0) -> datetime:
    return (NOW - timedelta(days=days_ago)).replace(hour=hour, minute=minute)


# (days before NOW, hour, question index, correct). Active days: -5, -4, -1, 0 (a gap of two days),
# so the streak is 2 and the longest streak 2; 9 reviews in all, 3 of them today.
PLAN = [
    (5, 9, 0, True), (5, 9, 1, False), (5, 10, 2, True),
    (4, 20, 3, True),
    (1, 8, 0, True), (1, 8, 1, True), (0, 7, 2, True), (0, 7, 3, False), (0, 8, 4, True),
]


def _questions(bank, n: int = 5):
    """n objective questions of the first section, in id order."""
    first = next(iter(bank.sections))
    qs = sorted((q for q in bank.in_section(first) if q.type != "flashcard"), key=lambda q: q.id)
    return qs[:n]


def _review(store, sch, q, when: datetime, correct: bool | None, rating: Rating | None = None) -> None:
    rating = rating or (Rating.Good if correct else Rating.Again)
    review(store, sch, item_id=q.id, rating=rating, now=when, correct=correct, response_ms=9000, session_id=None,
           section=q.section)


def _known_history(store, bank) -> None:
    sch = make_scheduler(enable_fuzzing=False)
    qs = _questions(bank)
    for days_ago, hour, i, correct in PLAN:
        _review(store, sch, qs[i], _at(days_ago, hour, i), correct)
    store.record_attempt(slug="mse", passed=True, tests_passed=5, tests_total=5, duration_ms=800, hints_used=0,
                         status="passed", slow_factor=None)


def _render(store, bank, drills, **kw) -> tuple[str, dict, object]:
    frames = stats.load_frames(store, NOW, TZ)
    figures = stats.compute(store, bank, NOW, TZ, drills=drills, frames=frames, **kw)
    history = stats.history(store, TZ, frames=frames)
    return report.build_html(figures, history), figures, history


# ---------------------------------------------------------------- page checks

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Structure(HTMLParser):
    """Checks that every element is closed in order, and collects images, headings and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.images: list[dict[str, str]] = []
        self.urls: list[str] = []
        self.headings: list[str] = []
        self.doctype = ""
        self._heading: list[str] | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.urls += [v for k, v in a.items() if k in ("src", "href", "action", "srcset", "poster", "data")]
        if tag == "img":
            self.images.append(a)
        if tag in ("h1", "h2", "h3"):
            self._heading = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)


def _check_page(page: str) -> _Structure:
    s = _Structure()
    s.feed(page)
    s.close()
    assert s.doctype.lower() == "doctype html"
    assert not s.errors, s.errors
    assert not s.stack, f"unclosed elements: {s.stack}"
    assert page.count("<h1>") == 1 and '<html lang="en">' in page and '<meta charset="utf-8">' in page
    # nothing reaches the network: no remote URL in any attribute, no external CSS, fonts or scripts
    remote = [u for u in s.urls if re.match(r"\s*(https?:)?//", u, re.I)]
    assert not remote, remote
    assert not re.search(r"<(link|script|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"@import|url\(", page, re.I)
    for img in s.images:
        assert img["src"].startswith("data:image/svg+xml;base64,"), img["src"][:60]
        assert img.get("alt"), "every plot has a text alternative"
        svg = base64.b64decode(img["src"].split(",", 1)[1]).decode("utf-8")
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
        refs = re.findall(r'href="([^"]*)"', svg)
        assert all(r.startswith(("#", "data:")) for r in refs), refs  # only references inside the image
    return s


def _plots(page: str) -> list[str]:
    return re.findall(r'<figure id="plot-([a-z]+)"><img ', page)


# ---------------------------------------------------------------- tests

def test_report_from_a_known_history():
    bank = load_bank()
    drills = load_drills(strict=False)
    with Store() as store:
        _known_history(store, bank)
        page, figures, history = _render(store, bank, drills)

    s = _check_page(page)
    # one image per plot, in page order
    assert _plots(page) == ["mastery", "retention", "reviews", "calendar", "forecast", "drills"]
    assert len(s.images) == len(PLOT_KEYS)
    for heading in HEADINGS + [title for _, title in report.PLOTS]:
        assert heading in s.headings, heading
    # every section title, escaped, in the table
    for sec in bank.sections.values():
        assert f'<th scope="row">{html.escape(sec.title)}</th>' in page
    # the numbers of the known history
    assert int(history["reviews"].sum()) == len(PLAN) == 9
    assert figures["today"]["reviews"] == 3 and figures["today"]["streak"] == 2
    assert "<b>2 days</b><span>streak (longest 2)</span>" in page
    assert "<b>3</b><span>reviews today</span>" in page
    assert "<b>67%</b><span>accuracy today (2/3)</span>" in page
    assert "9 reviews on 4 days in all" in page
    assert "4 active days of " in page
    first = bank.sections[next(iter(bank.sections))]
    assert re.search(rf"{re.escape(html.escape(first.title))}</th><td>\d+</td><td>5</td>", page)  # 5 seen
    assert "Generated <time" in page and "Tuesday 10 March 2026, 18:00" in page
    assert "Interview on" not in page  # no plan set
    assert "No reviews yet" not in page
    assert f"1 of {len(drills)} drills passed, 1 attempted" in page
    # weakest tags are listed by name
    for t in figures["weakest_tags"][: report.TOP_TAGS]:
        assert f"<b>{html.escape(t['tag'])}</b>" in page
    assert "None: no question has been forgotten 8 times." in page


def test_empty_history_renders_a_sensible_page():
    bank = load_bank()
    with Store() as store:
        page, figures, history = _render(store, bank, {})
    s = _check_page(page)
    assert history.empty
    assert "<b>No reviews yet.</b>" in page
    # plots without data become short notes; mastery (all 0%) is still drawn
    assert _plots(page) == ["mastery"] and len(s.images) == 1
    for key in ("retention", "reviews", "calendar", "forecast", "drills"):
        assert f'<p class="empty" data-plot="{key}">' in page
    assert "<b>0 days</b><span>streak (longest 0)</span>" in page
    assert "No tag has a reviewed question yet." in page
    assert "Every section at 0% mastery." in page
    assert "<b>—</b><span>accuracy today</span>" in page
    for heading in HEADINGS + [title for _, title in report.PLOTS]:
        assert heading in s.headings


def test_interview_countdown_leeches_and_escaping(mlprep_home):
    title = 'Tricks <script>alert("x")</script> & more'
    write_bank(paths.user_banks_dir() / "zz.yaml", [question("zz-escape-01", "truefalse", tags=["zz-tag"])],
               section="zz-escape", title=title, order=99)
    bank = load_bank()
    q = bank.questions["zz-escape-01"]
    sch = make_scheduler(enable_fuzzing=False)
    with Store() as store:
        plan.set_interview(store, date(2026, 3, 20))
        t = NOW - timedelta(days=3)
        _review(store, sch, q, t, True)
        _review(store, sch, q, t + timedelta(minutes=1), True)
        _review(store, sch, q, t + timedelta(minutes=20), True)  # now in the Review state
        for i in range(stats.LEECH_LAPSES):  # forget it 8 times: a leech
            _review(store, sch, q, t + timedelta(hours=1 + i), False)
            _review(store, sch, q, t + timedelta(hours=1 + i, minutes=30), True)
        page, figures, _ = _render(store, bank, {}, interview=plan.interview_date(store))
    _check_page(page)
    assert figures["leeches"] == [{"id": "zz-escape-01", "section": "zz-escape", "lapses": 8}]
    assert "<code>zz-escape-01</code>" in page and "8 lapses" in page
    assert "<script" not in page and html.escape(title) in page
    assert "<b>in 10 days</b><span>interview 2026-03-20</span>" in page
    assert "Interview on <b>2026-03-20</b> (in 10 days)" in page
    assert "Mastery at interview" in page


def test_missing_matplotlib_is_one_clean_message(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    bank = load_bank()
    with Store() as store, pytest.raises(MlprepError) as err:
        report.write_report(store, bank, {}, tmp_path / "r.html", NOW, TZ)
    assert "matplotlib" in str(err.value) and 'pip install ".[report]"' in str(err.value)

    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "is not installed" in result.output and 'pip install ".[report]"' in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_cli_writes_the_report(mlprep_home, tmp_path, monkeypatch):
    bank = load_bank()
    with Store() as store:
        _known_history(store, bank)
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)

    out = tmp_path / "out" / "progress.html"
    result = runner.invoke(app, ["report", "-o", str(out), "--open"])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    assert opened == [out.resolve().as_uri()]
    page = out.read_text(encoding="utf-8")
    _check_page(page)
    assert "9 reviews on 4 days in all" in page

    # default: report.html in the data home; --section narrows the page
    first = next(iter(bank.sections))
    result = runner.invoke(app, ["report", "--section", first])
    assert result.exit_code == 0, result.output
    page = (mlprep_home / "report.html").read_text(encoding="utf-8")
    assert f"sections: {first}" in page and page.count('<th scope="row">') >= 1
    others = [s for s in bank.sections.values() if s.id != first]
    assert all(f'<th scope="row">{html.escape(s.title)}</th>' not in page for s in others[:3])

    result = runner.invoke(app, ["report", "--section", "no-such-section", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1 and "unknown section 'no-such-section'" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- headless Chromium

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PROBE = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.body.setAttribute("data-images", ok + "/" + imgs.length);
});
</script></body>"""


def _chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium on this machine (install Debian's chromium to run it)")


def _run_browser(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
           "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}", *args]
    env = {**os.environ, "HOME": str(tmp_path)}
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{browser} did not finish within 120 s: {' '.join(cmd)}")


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_report_loads_in_headless_chromium(tmp_path):
    browser = _chromium()
    bank = load_bank()
    with Store() as store:
        _known_history(store, bank)
        target = report.write_report(store, bank, load_drills(strict=False), tmp_path / "report.html", NOW, TZ)
    page = target.read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"  # the report plus a script counting the images the browser decoded
    probe.write_text(page.replace("</body>", PROBE), encoding="utf-8")

    dom = _run_browser(browser, tmp_path, "--dump-dom", probe.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    for heading in HEADINGS:
        assert re.search(rf"<h[123][^>]*>{re.escape(heading)}</h[123]>", dom.stdout), heading
    n = len(report.PLOTS)
    assert dom.stdout.count("<img ") == n
    assert f'data-images="{n}/{n}"' in dom.stdout, "some plot did not load in the browser"

    shot = tmp_path / "shot.png"
    run = _run_browser(browser, tmp_path, f"--screenshot={shot}", "--window-size=1200,3000", target.as_uri())
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    assert _png_size(shot) == (1200, 3000)
    assert shot.stat().st_size > 60_000, "the screenshot looks blank"
