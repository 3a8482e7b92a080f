"""The global command-line options, and reading them when they only open the app.

Light on purpose (argparse, no Peewee, no Qt): `pmdesk` without a command parses its
options here and goes straight to the window, so the window paints before the data
layer is imported. Anything else (a command, --help, a mistake) goes to `pmdesk.cli`.
"""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from pmdesk import __version__
from pmdesk.languages import Language
from pmdesk.paths import location


class OptionParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        import sys

        from pmdesk import messages

        messages.use(requested_language(sys.argv[1:]))
        self.exit(2, messages.say(f"pmdesk: error: {message} (see '{self.prog} --help')") + "\n")


def requested_language(argv: list[str]) -> Language | None:
    """The --lang of a command line that could not be parsed, if it names a language."""
    for index, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in {language.value for language in Language}:
            return Language(value)
    return None


def _language(value: str) -> Language:
    try:
        return Language(value)
    except ValueError:
        choices = ", ".join(language.value for language in Language)
        raise argparse.ArgumentTypeError(
            f"invalid language {value!r} (choose from {choices})"
        ) from None


def global_options(*, suppress_defaults: bool) -> OptionParser:
    """The options every command accepts, before or after the command name.

    The copy given to subcommands has SUPPRESS defaults, so `--db F list` keeps F.
    """

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress_defaults else value

    options = OptionParser(add_help=False)
    group = options.add_argument_group("global options")
    group.add_argument(
        "--db",
        type=location,
        metavar="FILE|URL",
        default=default(None),
        help="database file (default: the user's pmdesk.db) or a team server's "
        "postgresql://user@host/dbname",
    )
    group.add_argument(
        "--lang",
        type=_language,
        metavar="{" + ",".join(language.value for language in Language) + "}",
        default=default(None),
        help="language of the app or of created content",
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=default(False),
        help="open the app on a demo database (made with the demo project on first use)",
    )
    group.add_argument(
        "--smoke-test",
        action="store_true",
        default=default(False),
        help="open the app, show every tab once and exit",
    )
    group.add_argument("--version", action="version", version=f"pmdesk {__version__}")
    return options


def parse_app_options(argv: list[str]) -> argparse.Namespace | None:
    """The options of a command line that only opens the app; None if it holds anything
    else (a command, --help, an unknown option), which `cli.parse_args` then reads."""
    parser = OptionParser(
        prog="pmdesk", add_help=False, parents=[global_options(suppress_defaults=False)]
    )
    args, rest = parser.parse_known_args(argv)
    if rest:
        return None
    args.command = None
    return args
