"""Scenarios: the file format, the loader, the immutable model and everything that checks it.

Read in this order: `format` (the YAML format as a spec), `loader` (YAML -> `Scenario`,
every problem at once), `model` (the records), `conditions` (the only logic a file can
express), `scoring` (the score and the pass decision), then the checks a trainer runs:
`references`, `soundness`, `validate`, `diagnostics` (messages in the trainer's
language), and the authoring views `explain`, `graph`, `skeleton`. `library` finds the
files. Imports only the grader and the bottom of the core (errors, yamlsafe, spec).
"""
