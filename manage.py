#!/usr/bin/env python
"""Django's command-line utility for the armoedepact platform."""

import sys


def main() -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    from config.startup import run_guarded

    run_guarded(main, sys.argv)
