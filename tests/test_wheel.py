"""The wheel ships the banks and drills: a plain, non-editable install finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    try:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                        str(out), str(ROOT)], check=True, capture_output=True, text=True, timeout=600)
    except subprocess.CalledProcessError as exc:
        if "hatchling" in (exc.stderr or ""):
            pytest.skip("hatchling is not installed (pip install hatchling)")
        raise
    [whl] = out.glob("mlprep-*.whl")
    return whl


def test_wheel_contains_content_and_drills(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    banks = [n for n in names if n.startswith("mlprep/_data/content/") and n.endswith(".yaml")]
    assert len(banks) == len(list((ROOT / "content").glob("*.yaml")))
    notes = [n for n in names if n.startswith("mlprep/_data/content/notes/") and n.endswith(".md")]
    assert len(notes) == len(list((ROOT / "content" / "notes").glob("*.md"))) > 0
    assert "mlprep/_data/drills/mse/test_hidden.py" in names
    assert "mlprep/_data/drills/kmeans/solution.py" in names
    assert not any("__pycache__" in n for n in names)


def test_installed_wheel_finds_the_banks_from_anywhere(wheel, tmp_path):
    # A venv of its own, with no access to the base interpreter's packages: the dependencies come from
    # the test environment's site-packages through a .pth line (not processed for further .pth files,
    # so a source checkout installed there in editable mode stays invisible), mlprep only from the wheel.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    inner = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                           capture_output=True, text=True, check=True).stdout.strip()
    if _pip_supports_python_flag():
        subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                       check=True, timeout=600)
    else:
        subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, timeout=600)
    # Only now: had pip seen the test environment (where mlprep itself may be installed), it would have
    # skipped the wheel as "already satisfied". The venv's own site-packages stay first on sys.path.
    outer = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(inner) / "_outer_deps.pth").write_text("\n".join(sorted(outer)) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(MLPREP_HOME=str(tmp_path / "home"), PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    where = subprocess.run([str(py), "-c", "import mlprep, typer; print(mlprep.__file__)"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(inner), where.stdout
    out = subprocess.run([str(env_dir / "bin" / "mlprep"), "where"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, check=True)
    assert "_data/content" in out.stdout and str(ROOT) not in out.stdout
    listing = subprocess.run([str(env_dir / "bin" / "mlprep"), "content", "list", "--json"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, check=True)
    assert '"total"' in listing.stdout and '"metrics"' in listing.stdout
    learn = subprocess.run([str(env_dir / "bin" / "mlprep"), "learn", "metrics"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, check=True)
    assert learn.stdout.count("\n## ") >= 5  # the notes, read from the installed wheel


def _pip_supports_python_flag() -> bool:
    out = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True, text=True)
    major, minor = (int(x) for x in out.stdout.split()[1].split(".")[:2])
    return (major, minor) >= (22, 3)
