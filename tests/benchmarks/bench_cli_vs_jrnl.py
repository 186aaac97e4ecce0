"""Benchmark (a script, not a test): ``log day`` against jrnl adding one entry.

Budget (issue 13): the whole ``recovery-journal-cli log day`` process on the ten-year journal
takes at most 0.8 × what jrnl takes to add one entry to a 3,650-entry encrypted journal.
Both are timed in the same run, alternating, from process start to exit, with the secret on
standard input. A bare ``python -c pass`` is timed too, as the floor both share.

jrnl is not a dependency of this project: install it in a separate virtual environment
outside the repository and pass its ``bin`` folder::

    python3.11 -m venv /work/jrnl-venv && /work/jrnl-venv/bin/pip install jrnl
    .venv/bin/python -m tests.benchmarks.bench_cli_vs_jrnl --jrnl-bin /work/jrnl-venv/bin

The journal's key derivation uses ``--kdf-memory-mib`` (default 19 MiB, the OWASP minimum for
Argon2id); jrnl derives its key twice per entry (PBKDF2-SHA256, 100,000 iterations: once to
read, once to write with a fresh salt). Figures go to ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase, not secret"
TODAY = dt.date(2026, 11, 22)
ENTRIES = 3650

_MAKE_JRNL = r"""
import datetime as dt, sys
from pathlib import Path
from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption

path, password, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
start = dt.datetime(2016, 11, 23, 21, 0)
lines = []
for i in range(count):
    when = (start + dt.timedelta(days=i)).strftime("%Y-%m-%d %I:%M:%S %p")
    lines.append(
        f"[{when}] Day {i}: a calm day.\n"
        "Went to a meeting, called my sponsor, read a little before bed. Cravings were low "
        "in the evening and I felt steady.\n"
    )
method = Jrnlv3Encryption("default", {})
method.password = password
path.write_bytes(method.encrypt("\n".join(lines)))
"""

_JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: true
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
    encrypt: true
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %I:%M:%S %p'
version: v4.6
"""


def make_vault(path: Path, kdf_mib: int) -> None:
    from recovery_journal.services.demo import ten_year_journal
    from recovery_journal.services.session import JournalSession, kdf_for_memory

    session, _code = JournalSession.create(path, PASSPHRASE, kdf=kdf_for_memory(kdf_mib))
    session.import_data(ten_year_journal(TODAY), "replace")
    session.close()


def make_jrnl(jrnl_bin: Path, folder: Path) -> dict[str, str]:
    journal = folder / "journal.txt"
    config = folder / "config" / "jrnl"
    config.mkdir(parents=True)
    (config / "jrnl.yaml").write_text(_JRNL_CONFIG.format(journal=journal), encoding="utf-8")
    python = jrnl_bin / "python"
    subprocess.run(
        [str(python), "-c", _MAKE_JRNL, str(journal), PASSPHRASE, str(ENTRIES)], check=True
    )
    return dict(os.environ, XDG_CONFIG_HOME=str(folder / "config"), NO_COLOR="1")


def timed(command: list[str], env: dict[str, str], stdin: str) -> float:
    began = time.perf_counter()
    # A new session: no controlling terminal, so every secret comes from standard input.
    done = subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=env, start_new_session=True
    )
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.strip()[:400]}")
    return elapsed


def use_bytecode_cache() -> None:
    """Time the program as installed: with compiled bytecode, as pip leaves it (a development
    shell may set PYTHONDONTWRITEBYTECODE, which would recompile the package on every run)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    import compileall

    import recovery_journal

    compileall.compile_dir(Path(recovery_journal.__file__).parent, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description="log day against jrnl, whole processes.")
    parser.add_argument("--jrnl-bin", type=Path, required=True, help="bin folder of a jrnl venv")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--kdf-memory-mib", type=int, default=19)
    args = parser.parse_args()
    use_bytecode_cache()
    cli = Path(sys.executable).parent / "recovery-journal-cli"
    with tempfile.TemporaryDirectory(prefix="rj-vs-jrnl-") as name:
        folder = Path(name)
        vault = folder / "journal.rjvault"
        make_vault(vault, args.kdf_memory_mib)
        jrnl_env = make_jrnl(args.jrnl_bin, folder / "jrnl")
        env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "rj-config"))
        ours = [
            str(cli),
            "--vault",
            str(vault),
            "--password-stdin",
            "log",
            "day",
            "--status",
            "abstinent",
            "--craving",
            "2",
            "--date",
            TODAY.isoformat(),
        ]
        theirs = [str(args.jrnl_bin / "jrnl"), "Today went fine, a meeting and a call."]
        floor = [sys.executable, "-c", "pass"]
        results: dict[str, list[float]] = {"python -c pass": [], "log day": [], "jrnl": []}
        timed(ours, env, PASSPHRASE + "\n")  # warm the file cache of both programs once
        timed(theirs, jrnl_env, PASSPHRASE + "\n")
        for _ in range(args.runs):
            results["python -c pass"].append(timed(floor, env, ""))
            results["log day"].append(timed(ours, env, PASSPHRASE + "\n"))
            results["jrnl"].append(timed(theirs, jrnl_env, PASSPHRASE + "\n"))
    medians = {name: statistics.median(times) for name, times in results.items()}
    print(f"{args.runs} runs each, alternating; medians (min–max)")
    for name, times in results.items():
        print(f"  {name:<16} {medians[name]:.3f} s ({min(times):.3f}–{max(times):.3f})")
    ratio = medians["log day"] / medians["jrnl"]
    print(f"log day / jrnl = {ratio:.2f} (budget ≤ 0.80)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
