"""The grader's own commands: `eval` (measure it on labelled replies), `techniques` (check an
organisation's techniques file) and `train` (retrain the learned layer from the bank).
`grade` (bulk grading over stdin) lives in bulk_grade.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from simulator.cli.commands import Spec, catalogue_arg
from simulator.core.errors import SimulatorError
from simulator.core.grading import Grader
from simulator.core.grading import catalogue as catalogue_mod
from simulator.core.grading.evaluate import evaluate, read_jsonl, table


def _conf_eval(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON Lines with text, context, lang, techniques, pitfalls",
    )
    p.add_argument(
        "--errors", action="store_true", help="also list every reply the grader got wrong"
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")


def cmd_eval(args: argparse.Namespace) -> int:
    grader = Grader(catalogue_arg(args))
    rows = [row for name in args.files for row in read_jsonl(name)]
    result = evaluate(rows, grader)
    ids = grader.catalogue.techniques + grader.catalogue.pitfalls
    if args.json:
        data = {
            i: {
                "precision": round(c.precision, 3),
                "recall": round(c.recall, 3),
                "f1": round(c.f1, 3),
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
            }
            for i, c in result.counts.items()
        }
        print(
            json.dumps(
                {
                    "total": result.total,
                    "ids": data,
                    "micro_f1": round(result.micro().f1, 3),
                    "macro_f1": round(result.macro_f1(ids), 3),
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(table(result, ids))
    if args.errors:
        for e in result.errors:
            print(f"- want {e['want']} got {e['got']}: {e['text']}  «{e['context']}»")
    return 0


def _conf_techniques(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the organisation's techniques file (YAML)")


def cmd_techniques(args: argparse.Namespace) -> int:
    from simulator.core.grading.org_check import check

    catalogue = catalogue_mod.load(args.file)
    results, findings = check(catalogue)
    wrong = [r for r in results if not r.right]
    for r in results:
        mark = "ok " if r.right else "WRONG"
        side = "+" if r.positive else "-"
        print(f"{mark} {r.entry}{side} {r.text}")
    for f in findings:
        print(f"cue {f.name}: {f.problem}: {f.detail}")
    print(
        f"{len(results)} example(s): {len(results) - len(wrong)} right, {len(wrong)} wrong; "
        f"{len(findings)} cue(s) to look at"
    )
    return 1 if wrong or findings else 0


def _conf_train(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        metavar="FILE",
        help="where to write the model (default: the package's data/model.json.gz)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="train, then fail unless the result equals the shipped model byte for byte",
    )


def cmd_train(args: argparse.Namespace) -> int:
    from importlib import resources

    from simulator.core.grading import bank, train
    from simulator.core.grading.learned import MODEL_FILE

    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise SimulatorError(
            "training needs scikit-learn: pip install -e '.[train]'", "error.cannot_train"
        ) from None
    examples = bank.load_bank()
    print(f"exemplar bank: {len(examples)} replies", file=sys.stderr)
    trained = train.from_catalogue(
        examples,
        catalogue_arg(args),
        bank.fingerprint(),
        progress=lambda line: print(line, file=sys.stderr),
    )
    data = train.dump(trained.model)
    for line in trained.report:
        print(line)
    shipped = resources.files("simulator.core.grading").joinpath(MODEL_FILE)
    if args.check:
        same = shipped.is_file() and shipped.read_bytes() == data
        print("model is up to date" if same else "model differs from the bank: run make model")
        return 0 if same else 1
    target = Path(args.out) if args.out else Path(str(shipped))
    target.write_bytes(data)
    print(f"wrote {target} ({len(data) // 1024} KB)", file=sys.stderr)
    return 0


SPECS = [
    Spec(
        "eval",
        "measure the grader on labelled JSON Lines (precision, recall, F1)",
        "example:\n  simulator eval tests/data/devset_zh.jsonl tests/data/devset_en.jsonl",
        _conf_eval,
        cmd_eval,
    ),
    Spec(
        "techniques",
        "check an organisation's techniques file: its examples and its cues",
        "example:\n  simulator techniques our_bank.yaml\n\n"
        "Lists every example the grader gets right or wrong, cues that match almost any reply\n"
        "and cues that mostly match another technique. Exit status 1 when anything needs a look.",
        _conf_techniques,
        cmd_techniques,
    ),
    Spec(
        "train",
        "train the grader's learned layer from the exemplar bank (needs the train extra)",
        "example:\n  simulator train            # writes simulator/core/grading/data/model.json.gz\n"
        "  simulator train --check    # fails if the shipped model is not what the bank gives\n\n"
        "Deterministic: the same bank gives the same bytes.",
        _conf_train,
        cmd_train,
    ),
]
