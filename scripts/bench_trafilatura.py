#!/usr/bin/env python3
"""Time trafilatura's main-text extraction on a folder of HTML pages.

    bench_trafilatura.py --dataset DIR [--repeat N]

DIR holds either an ``html/`` sub-folder or the pages themselves; pages are
``*.html`` / ``*.htm`` files, optionally gzipped (``*.html.gz`` / ``*.htm.gz``),
taken in file-name order. All pages are read and decoded (UTF-8, errors
replaced) before the clock starts; only the extraction loop is timed, on one
thread, with time.perf_counter.

Prints exactly one JSON line on stdout:
    {"tool":"trafilatura","version":...,"pages":...,"repeat":...,
     "seconds":...,"pages_per_second":...,"failures":...}
where pages_per_second = pages * repeat / seconds and failures counts the
distinct pages for which extract() raised or returned None. Everything else
goes to stderr. Usually run through scripts/bench-trafilatura.sh, which sets
up the pinned virtualenv.
"""

import argparse
import gzip
import json
import os
import platform
import sys
import time

SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def log(msg):
    print(f"bench_trafilatura: {msg}", file=sys.stderr, flush=True)


def page_files(dataset):
    sub = os.path.join(dataset, "html")
    folder = sub if os.path.isdir(sub) else dataset
    names = sorted(
        n
        for n in os.listdir(folder)
        if n.lower().endswith(SUFFIXES) and os.path.isfile(os.path.join(folder, n))
    )
    return folder, names


def load(path):
    if path.lower().endswith(".gz"):
        with gzip.open(path, "rb") as f:
            data = f.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    return data.decode("utf-8", errors="replace")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", required=True, metavar="DIR",
                    help="folder with html/*.html.gz or *.html / *.htm pages")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run the whole extraction loop N times (default 1)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")
    if not os.path.isdir(args.dataset):
        ap.error(f"not a folder: {args.dataset}")

    # Keep stdout for the single JSON line, whatever libraries print.
    real_stdout = sys.stdout
    sys.stdout = sys.stderr
    try:
        import trafilatura

        folder, names = page_files(args.dataset)
        if not names:
            log(f"no *.html / *.htm / *.html.gz pages in {folder}")
            return 2
        pages = [load(os.path.join(folder, n)) for n in names]
        log(f"{len(pages)} pages from {folder} "
            f"({sum(len(p) for p in pages) / 1e6:.1f} M chars), repeat {args.repeat}; "
            f"trafilatura {trafilatura.__version__}, "
            f"{platform.python_implementation()} {platform.python_version()}")

        extract = trafilatura.extract
        failed = {}  # page index -> reason
        # One untimed call first, as veille does: one-time set-up is not
        # per-page work.
        try:
            extract(pages[0], include_comments=False, include_tables=True, favor_precision=False)
        except Exception:  # noqa: BLE001 - counted in the timed passes
            pass
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for i, html in enumerate(pages):
                try:
                    out = extract(html, include_comments=False,
                                  include_tables=True, favor_precision=False)
                except Exception as e:  # noqa: BLE001 - a failure is a data point
                    failed.setdefault(i, f"raised {type(e).__name__}: {e}")
                    continue
                if out is None:
                    failed.setdefault(i, "returned None")
        seconds = time.perf_counter() - t0

        for i in sorted(failed):
            log(f"failure: {names[i]}: {failed[i]}")
        result = {
            "tool": "trafilatura",
            "version": trafilatura.__version__,
            "pages": len(pages),
            "repeat": args.repeat,
            "seconds": round(seconds, 6),
            "pages_per_second": round(len(pages) * args.repeat / seconds, 3)
            if seconds > 0 else None,
            "failures": len(failed),
        }
    finally:
        sys.stdout = real_stdout
    print(json.dumps(result, separators=(",", ":")), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
