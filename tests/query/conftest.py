"""Real SPARQL servers for the query tests: ``oxigraph serve`` on a free loopback port (and
Virtuoso when it is installed), each started once per session with a temporary location,
loaded with the built graph through ``regiokg push``'s library function, and stopped at the
end of the session."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from regiokg.remote import push


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    ask = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(ask, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory, embedded):
    """``oxigraph serve`` with the union of the named graphs as default graph (as the
    embedded store answers), loaded by :func:`regiokg.remote.push`; yields its base URL."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install -e .[dev])")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/query", process)
        push(embedded, base + "/store")
        yield base
    finally:
        stop(process)


VIRTUOSO_INI = """
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 5
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory, embedded):
    """Virtuoso (Debian ``virtuoso-opensource``) on free loopback ports with a temporary
    database, the SPARQL user allowed to update, loaded through the Graph Store Protocol;
    skipped when Virtuoso is not installed. Yields the base URL."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    directory = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen(
        [binary, "+configfile", str(ini), "+foreground"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(base + "/sparql", process, seconds=90)
        # The anonymous SPARQL user may not write by default.
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        push(embedded, base + "/sparql-graph-crud")
        yield base
    finally:
        stop(process)
