"""Library errors are typed and speak no command-line language; the CLI maps each to its flag
and its one line."""

from __future__ import annotations

import pytest

from baoarchive.usage import error_line
from foundation.errors import BadValue, NoArchive, NotReady, UnknownName
from warehouse import Archive, connect_writer

pytestmark = pytest.mark.fast


@pytest.fixture(scope="module")
def empty_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("empty")
    connect_writer(path).close()  # every table, no row
    with Archive(path) as archive:
        yield archive


@pytest.mark.parametrize(
    "call, error, parameter, library, cli",
    [
        (lambda a: a.articles(since="2025-02-30"), BadValue, "since",
         "since '2025-02-30' is not a date", "--since '2025-02-30' is not a date"),
        (lambda a: a.articles(since="2025-08-01", until="2025-07-01"), BadValue, "since",
         "since 2025-08-01 is after the last day", "--since 2025-08-01 is after the last day"),
        (lambda a: a.search("xã", limit=0), BadValue, "limit",
         "limit must be at least 1", "--limit must be at least 1"),
        (lambda a: a.articles(topic="kinh-te"), UnknownName, None,
         "unknown topic 'kinh-te'", "`baoarchive topics` lists them"),
        (lambda a: a.search("xã"), NotReady, None,
         "no search index yet", "(baoarchive run)"),
    ],
)  # fmt: skip
def test_library_errors_name_no_flag_and_the_cli_names_it(
    empty_archive, call, error, parameter, library, cli
):
    with pytest.raises(error) as raised:
        call(empty_archive)
    message = str(raised.value)
    assert library in message
    assert "--" not in message and "baoarchive" not in message
    if parameter:
        assert raised.value.parameter == parameter
    assert cli in error_line(raised.value)


def test_a_missing_archive_is_no_archive_and_the_cli_says_what_to_run(tmp_path):
    with pytest.raises(NoArchive) as raised:
        Archive(tmp_path / "nowhere")
    assert "baoarchive" not in str(raised.value)
    assert "run `baoarchive demo`" in error_line(raised.value)
