"""Running ``reader`` as a real process: with a timeout, without write permission, killed.

Every process is started in its own session so that a test can kill what it started (the
reader and its worker processes) and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

READER = [sys.executable, "-m", "reader"]
TIMEOUT = 120
# Root writes through permission bits; without these capabilities it obeys them like anyone.
_DROP_WRITE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def one_line(err: str) -> str:
    """The only line of ``err``, which must hold no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def env(**dirs: Path | str) -> dict[str, str]:
    """The test's environment (its READER_HOME) with READER_<KIND>_DIR / TMPDIR overrides."""
    out = dict(os.environ)
    for key, value in dirs.items():
        out[key] = str(value)
    return out


def obeying_permissions() -> list[str]:
    """A command prefix under which read-only folders are read-only, even for root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: read-only folders cannot be made")
    return _DROP_WRITE


def run(args: Sequence[str], environ: dict[str, str] | None = None, *,
        read_only_respected: bool = False, timeout: float = TIMEOUT,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``reader ARGS`` to its end (killed with its children after ``timeout``)."""
    prefix = obeying_permissions() if read_only_respected else []
    return run_command([*prefix, *READER, *args], environ, timeout=timeout, cwd=cwd)


def run_command(command: Sequence[str], environ: dict[str, str] | None = None, *,
                timeout: float = TIMEOUT,
                cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen(
        list(command), env=environ or env(), cwd=cwd, text=True, encoding="utf-8",
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        out, err = proc.communicate()
        pytest.fail(f"{' '.join(command)} did not finish in {timeout} s\n{err}")
    finally:
        kill_group(proc)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def kill_group(proc: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Kill whatever is left of the session ``proc`` leads (it and its workers)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


class Watched:
    """A running command whose output is collected as it comes, to wait for a line."""

    def __init__(self, command: Sequence[str], environ: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            list(command), env=environ or env(), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True,
        )
        self._err = bytearray()
        self._out = bytearray()
        self._changed = threading.Condition()
        self._readers = [
            threading.Thread(target=self._pump, args=(self.proc.stderr, self._err), daemon=True),
            threading.Thread(target=self._pump, args=(self.proc.stdout, self._out), daemon=True),
        ]
        for t in self._readers:
            t.start()

    def _pump(self, stream: object, into: bytearray) -> None:
        read = stream.read1  # type: ignore[attr-defined]
        while chunk := read(4096):
            with self._changed:
                into.extend(chunk)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def stderr(self) -> str:
        with self._changed:
            return self._err.decode("utf-8", "replace")

    @property
    def stdout(self) -> str:
        with self._changed:
            return self._out.decode("utf-8", "replace")

    def wait_for(self, condition: Callable[[str], bool], timeout: float = TIMEOUT,
                 stream: str = "stderr") -> None:
        """Wait until ``condition(stderr so far)`` (or stdout) holds; fail if the process
        ends first."""
        deadline = time.monotonic() + timeout
        data = self._err if stream == "stderr" else self._out
        with self._changed:
            while not condition(data.decode("utf-8", "replace")):
                if self.proc.poll() is not None and not any(t.is_alive() for t in self._readers):
                    pytest.fail(f"the process ended first (status {self.proc.returncode}):\n"
                                f"{self._err.decode('utf-8', 'replace')}")
                left = deadline - time.monotonic()
                if left <= 0:
                    pytest.fail(f"timed out waiting; stderr so far:\n{self.stderr}")
                self._changed.wait(min(left, 0.5))

    def kill(self) -> None:
        """SIGKILL the reader itself (as a user or the system would), not its workers."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(TIMEOUT)

    def finish(self, timeout: float = TIMEOUT) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the process did not finish in {timeout} s\n{self.stderr}")
        finally:
            for t in self._readers:
                t.join(timeout)

    def cleanup(self) -> None:
        kill_group(self.proc)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@contextlib.contextmanager
def watched_command(command: Sequence[str],
                    environ: dict[str, str] | None = None) -> Iterator[Watched]:
    """``command`` running; killed with everything it started when the block ends."""
    w = Watched(command, environ)
    try:
        yield w
    finally:
        w.cleanup()


def watched(args: Sequence[str],
            environ: dict[str, str] | None = None) -> contextlib.AbstractContextManager[Watched]:
    """``reader ARGS`` running (see ``watched_command``)."""
    return watched_command([*READER, *args], environ)


def session_gone(pid: int, timeout: float = 30) -> bool:
    """True once no process of the session led by ``pid`` is left (Linux: read /proc)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == pid and fields[0] != "Z":  # same session, not a zombie
                left.append(entry.name)
        if not left:
            return True
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def read_only(*folders: Path) -> Iterator[None]:
    """Make ``folders`` and everything in them read-only for the duration."""
    modes: list[tuple[Path, int]] = []
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            mode = path.stat().st_mode
            modes.append((path, mode))
    try:
        for path, mode in reversed(modes):
            path.chmod(mode & ~0o222)
        yield
    finally:
        for path, mode in modes:
            path.chmod(mode)
