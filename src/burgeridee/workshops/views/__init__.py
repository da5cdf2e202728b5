"""The workshop's pages, one module per audience (the way Wagtail splits `admin/views/pages/`):

- `trainer`: the trainer's list of sessions, a session's page and its agenda;
- `presenter`: the big screen during the session (controls, live results, merging factors) and the review;
- `participant`: `/doe-mee/`, joining by code and the participant's phone, their checklist PDF;
- `export`: the report (PDF) and the contributions (CSV) after the session;
- `requests`: the public request for a workshop, training or coaching, and marking it handled;
- `shared`: the trainer's door and the links the trainer's pages share.

What differs per module (the cases, the pitfalls ...) is not here but in `workshops/modules/`.
"""
