"""A throwaway PostgreSQL cluster in a temporary folder, for the tests and the benchmark.

initdb and pg_ctl come from the system's PostgreSQL (Debian's ``postgresql`` package). The
server refuses to run as root: as root, the cluster belongs to the ``postgres`` user (or
``nobody``) and its files are given to that user. The server listens on a Unix socket in the
folder only, with ``trust`` authentication: any role name given connects (no passwords).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def bin_dir() -> Path | None:
    """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                      key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """initdb, start, stop (fast or immediate, as a crash), restart; ``url(db, user)``."""

    def __init__(self, fast: bool = True) -> None:
        found = bin_dir()
        if found is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb/pg_ctl)")
        self.bin = found
        self.dir = Path(tempfile.mkdtemp(prefix="reader-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user: str | None = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    entry = pwd.getpwnam(name)
                except KeyError:
                    continue
                self.user = name
                os.chown(self.dir, entry.pw_uid, entry.pw_gid)
                break
            else:
                raise RuntimeError("running as root and there is no unprivileged user")
        self.options = f"-k {self.dir} -p {self.port} -c listen_addresses=''"
        if fast:
            self.options += " -c fsync=off -c full_page_writes=off"
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C.UTF-8")

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       cwd=self.dir)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-o", self.options,
                  "-l", str(self.dir / "server.log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, db: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@/{db}?host={self.dir}&port={self.port}"

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)
