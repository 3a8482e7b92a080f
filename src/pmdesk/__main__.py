"""Entry point: `pmdesk` with a subcommand runs the command line, without one the app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import gc

    # The start makes hundreds of thousands of objects and frees few of them: the
    # cyclic collector's passes over them (~12 ms before the data is on screen) wait
    # until the window has painted its data (app.py turns it back on), or a command runs.
    gc.disable()
    from pmdesk.options import parse_app_options

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].lower().endswith(".db") and not argv[0].startswith("-"):
        # A database opened with pmdesk (double-click, "Open with"): same as --db FILE.
        argv = ["--db", *argv]
    # Opening the app needs only the global options: the command line and its data layer
    # are imported for a command (or --help, --demo) only, so the window paints sooner.
    args = parse_app_options(argv)
    if args is None:
        from pmdesk import cli

        args = cli.parse_args(argv)
        if args.command is not None:
            gc.enable()
            return cli.run(args)
    db_path = args.db
    if args.demo:
        from pmdesk import cli

        try:
            db_path = cli.demo_database(args.db, args.lang)
        except cli.DATA_ERRORS as problem:
            from pmdesk import messages

            messages.use(args.lang)
            print(messages.say(f"pmdesk: error: {problem}"), file=sys.stderr)
            return 1
    # Only the window needs Qt; commands start without loading it.
    from pmdesk.app import run_app

    return run_app(db_path=db_path, language=args.lang, smoke_test=args.smoke_test)


if __name__ == "__main__":
    sys.exit(main())
