"""The first conversation's pages, one module per audience (after Wagtail's `admin/views/pages/`).

- `model_editor`: the coordinator adapts the municipality's conversation model and checklist;
- `planning`: plan the conversation, invite the resident, prepare it;
- `screen`: the conversation screen, saved as it goes (autosave);
- `report`: the report for staff, and its PDF;
- `checklist`: the conversation's own filled checklist as a PDF;
- `after`: after the conversation: follow-up of agreements and tasks, and one's own reflection;
- `resident`: what the resident sees and does, through their personal link;
- `shared`: what the staff modules share (roles, the processing log, finding the conversation).

No GET writes anything except the processing log, which records every staff read on purpose.
"""
