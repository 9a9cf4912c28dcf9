"""What the command line says when something is wrong, in one line: a usage mistake names the
nearest command or option ("did you mean `search`?", as git and cargo do); a library error
names the flag that carried the bad value and what to run next."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence

from foundation.errors import BadValue, NoArchive, NotReady, UnknownName

_CHOICE = re.compile(r"invalid choice: '?([^' ]*)'? \(choose from (.*)\)")
_UNKNOWN = re.compile(r"unrecognized arguments: (.*)")


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are one line (``--help`` still shows the usage)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str):
        hint = self._nearest(message)
        if hint:  # the nearest one instead of the list of every choice
            message = _CHOICE.sub(lambda m: f"invalid choice: '{m.group(1)}'", message)
            message += f": did you mean `{hint}`?"
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def _nearest(self, message: str) -> str | None:
        if found := _CHOICE.search(message):
            choices = [c.strip(" '") for c in found.group(2).split(",")]
            return _closest(found.group(1), choices)
        if found := _UNKNOWN.search(message):
            typed = [a.split("=")[0] for a in found.group(1).split() if a.startswith("-")]
            return _closest(typed[0], self._options()) if typed else None
        return None

    def _options(self) -> list[str]:
        """This parser's options and those of the command given (the top parser reports the
        options a command did not know)."""
        options = list(self._option_string_actions)
        given = getattr(self, "_given", [])
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, command in action.choices.items():
                    if name in given:
                        options += list(command._option_string_actions)
        return options


def _closest(typed: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(typed, known, n=1, cutoff=0.6)
    return close[0] if close else None


#: Library parameters that are positional arguments here, not ``--options``.
POSITIONAL = {"query": "words"}


def error_line(err: Exception) -> str:
    """The one line a user reads for a library error: the flag that carried a bad value, and
    what to run when the archive or its index is missing."""
    if isinstance(err, BadValue):
        flag = POSITIONAL.get(err.parameter) or f"--{err.parameter.replace('_', '-')}"
        return f"{flag} {err.detail}"
    message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    if isinstance(err, NoArchive):
        return f"{message}: run `baoarchive demo` or `baoarchive run`"
    if isinstance(err, NotReady):
        return f"{message} (baoarchive run)"
    if isinstance(err, UnknownName):
        return f"{message}: `baoarchive {err.kind}s` lists them"
    return message
