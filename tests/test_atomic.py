"""Atomic writes: readers see the old file or the whole new one, with an ordinary file mode."""

from __future__ import annotations

import os

import pytest

from regiokg.atomic import atomic_path, write_atomically


def test_write_replaces_the_file_with_an_ordinary_mode(tmp_path):
    target = tmp_path / "out" / "dump.ttl"
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    umask = os.umask(0)
    os.umask(umask)
    # Published files must be readable by the web server's user, as open() would make them.
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "dump.ttl"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["dump.ttl"]
