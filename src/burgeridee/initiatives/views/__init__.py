"""The initiatives' pages, by audience: `resident` (the idea form and the personal status page) and `staff`
(the initiative page in the workspace and its actions)."""
