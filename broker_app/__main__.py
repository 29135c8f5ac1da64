import multiprocessing
import sys

if __name__ == "__main__":
    # A helper process (``spawn``: the frozen Windows build starts this program again)
    # runs its task here and exits; the program itself starts below. Guarded: a
    # spawned process imports this module under another name and must not run it.
    multiprocessing.freeze_support()

    from broker_app.cli.main import main

    sys.exit(main())
