"""Clean a JSON Lines corpus with datatrove: keep articles newscheck finds clean enough.

    python examples/datatrove_pipeline.py CORPUS_DIR OUTPUT_DIR [--tasks 4]

Every kept article carries its findings in ``metadata["newscheck"]``; articles with a
boilerplate or fragment finding of severity ``error`` go to OUTPUT_DIR/dropped with the
reason in ``metadata["filter_reason"]``. Per-rule counts are in OUTPUT_DIR/logs/stats.json.
Needs ``pip install 'newscheck[datatrove]'``.
"""

from __future__ import annotations

import argparse
import os

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newscheck.datatrove import NewscheckFilter


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="folder of *.jsonl files with id and text")
    ap.add_argument("output")
    ap.add_argument("--tasks", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    pipeline = [
        JsonlReader(args.corpus, text_key="text", id_key="id", glob_pattern="*.jsonl"),
        NewscheckFilter(
            drop_categories=["boilerplate", "fragment"],
            drop_severity="error",
            exclusion_writer=JsonlWriter(os.path.join(args.output, "dropped"), compression=None),
            ignore=["grammar"],
        ),
        JsonlWriter(os.path.join(args.output, "kept"), compression=None),
    ]
    executor = LocalPipelineExecutor(
        pipeline, tasks=args.tasks, workers=args.tasks, logging_dir=os.path.join(args.output, "logs")
    )
    executor.run()


if __name__ == "__main__":
    main()
