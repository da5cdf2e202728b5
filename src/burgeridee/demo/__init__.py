"""Demo data: Gemeente Voorbeeld with its staff, initiatives, hand-overs, conversations and a workshop.

`make run` fills an empty database with `manage.py seed_demo` and prints the logins with
`manage.py demo_logins`. The app sits on top of every other app (it uses their services to make
realistic data) and nothing imports it, so the demo can change without touching the product.
"""
