"""The ``bodymap`` command's entry point (also ``python -m bodymap``).

Start-up makes a few hundred thousand objects that live as long as the app: the knowledge
base, the diagrams' geometry, pydantic's validators, Qt's wrappers. Python's cyclic garbage
collector would scan them over and over while they are being made (about 80 ms, a sixth of
start-up, measured by bench/run.py), so it is paused here. The window resumes it once it is
shown, after freezing what exists (see :func:`bodymap.ui.launch.run`); the one-shot text
commands end before garbage could matter.
"""

import gc


def main() -> int:
    gc.disable()
    from bodymap.cli import main as command_line

    return command_line()


if __name__ == "__main__":
    raise SystemExit(main())
