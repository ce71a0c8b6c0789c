"""Score mapstory's toponym layer on the shared geoparsing corpora and print a table.

Usage: ``python bench/geoparse_accuracy.py [--limit N] [--corpus lgl ...] [--eval DIR]``

The corpora and scorer live outside the repository (``../shared/eval/geoparse``); they are
measurement data only. ``--smoke`` scores two documents of each corpus, to check that the
benchmark still runs (CI uses it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "geoparse"
CORPORA = ("lgl", "trnews", "geovirus")


def score(eval_dir: Path, corpus: str, limit: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        command = [
            sys.executable,
            str(eval_dir / "score.py"),
            str(eval_dir / f"{corpus}.jsonl"),
            "--system",
            "mapstory.geoparse:toponyms",
            "--path",
            str(ROOT),
            "--out",
            str(out),
        ]
        if limit:
            command += ["--limit", str(limit)]
        subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--corpus", nargs="*", default=list(CORPORA), choices=CORPORA)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the raw scorer results")
    args = parser.parse_args(argv)
    if not (args.eval / "score.py").exists():
        print(f"no scorer at {args.eval}; pass --eval DIR", file=sys.stderr)
        return 2
    limit = 2 if args.smoke else args.limit
    print(
        f"{'corpus':<10}{'docs':>6}{'exact P':>9}{'exact R':>9}{'exact F1':>10}"
        f"{'acc@161':>9}{'R@161':>8}{'P@161':>8}{'ms/doc':>8}"
    )
    for corpus in args.corpus:
        result = score(args.eval, corpus, limit)
        if args.json:
            print(json.dumps(result, indent=1)[:4000])
        exact = result["recognition"]["exact"]
        end_to_end = result["end_to_end@161"]
        resolution = result["resolution"]["on_exact_matches"]
        print(
            f"{corpus:<10}{result['docs']:>6}{100 * exact['precision']:>9.1f}"
            f"{100 * exact['recall']:>9.1f}{100 * exact['f1']:>10.1f}"
            f"{100 * resolution['acc@161']:>9.1f}{100 * end_to_end['recall']:>8.1f}"
            f"{100 * end_to_end['precision']:>8.1f}"
            f"{1000 * result['speed']['median_s_per_doc']:>8.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
