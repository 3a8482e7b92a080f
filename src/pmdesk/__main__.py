"""Entry point: `pmdesk` with a subcommand runs the command line, without one the app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from pmdesk import cli

    args = cli.parse_args(argv)
    if args.command is None:
        # Only the window needs Qt; commands start without loading it.
        from pmdesk.app import run_app

        return run_app(db_path=args.db, language=args.lang, smoke_test=args.smoke_test)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
