"""One session of one scenario: the engine and what is built from its turns.

`engine` steps a session (grade, customer line, meters) and returns the records of
`turns`, helped by `asking` (is a hidden fact asked about) and `reactions` (how the
customer answers a pitfall); `saved` writes a session as its replies and replays it.
`feedback` builds the report from the turns, with `teaching` (the model for a missed
technique) and `transcript` (typed lines); `render` writes it as text, Markdown or
JSON. `testing`, `trace` and `gaming` play scripted replies for trainers; `relay`
passes the keyboard round a group. Imports scenario/ and grading/, never results/.
"""
