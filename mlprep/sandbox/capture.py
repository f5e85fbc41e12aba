"""A pytest plugin that finds a drill's example input: the first call its hidden suite makes.

`mlprep drill SLUG --run` without `--input` runs the drill's `example` from drill.yaml; a drill without
one uses the first case of its hidden suite instead. `mlprep.sandbox.runner` runs that suite in a
subprocess (`pytest -p mlprep.sandbox.capture -x`) where `solution` records its first call to an entry
point (function name, positional and keyword arguments, as wire data) into the file named by
MLPREP_CAPTURE_OUT and stops the run. Only drill content runs here (the suite and the reference), never
a user's file.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
from typing import Any

import pytest

from mlprep.sandbox import wire as wire


class Captured(Exception):
    """The first call was recorded: nothing more to run."""


class _Recorder:
    """Stands in for the user's module: the first call to an entry point is written down, not run."""

    def __init__(self, module: Any, names: set[str], out: str):
        self._module, self._names, self._out = module, names, out

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if name not in self._names or not callable(value):
            return value
        out = self._out

        def record(*args: Any, **kwargs: Any) -> Any:
            if os.path.exists(out) and os.path.getsize(out):
                return value(*args, **kwargs)  # already recorded (a test that caught the first stop)
            try:
                data = pickle.dumps(wire.encode((name, list(args), kwargs)), protocol=4)
            except (wire.WireError, TypeError, pickle.PicklingError):
                return value(*args, **kwargs)  # not plain data: look for a later call
            with open(out, "wb") as fh:
                fh.write(data)
            raise Captured(name)

        record.__name__ = name
        return record


class Plugin:
    def __init__(self) -> None:
        spec = importlib.util.spec_from_file_location("reference_solution", os.environ["MLPREP_CAPTURE_REFERENCE"])
        assert spec is not None and spec.loader is not None
        self.reference_module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.reference_module)
        self.names = {n for n in os.environ.get("MLPREP_CAPTURE_NAMES", "").split(",") if n}
        self.out = os.environ["MLPREP_CAPTURE_OUT"]

    @pytest.fixture(scope="session")
    def solution(self) -> Any:
        return _Recorder(self.reference_module, self.names, self.out)

    @pytest.fixture(scope="session")
    def reference(self) -> Any:
        return self.reference_module

    def pytest_runtest_teardown(self, item: Any) -> None:
        if os.path.exists(self.out) and os.path.getsize(self.out):
            item.session.shouldstop = "captured the first call"


def pytest_configure(config: Any) -> None:
    config.pluginmanager.register(Plugin(), "mlprep_capture")
