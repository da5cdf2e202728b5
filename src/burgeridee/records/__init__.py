"""The records foundation: what every feature app writes down, and the registries they plug into.

It sits above the ground (core, municipalities, accounts) and below every feature app, and imports
none of them. Feature apps declare their own time-line event kinds, anonymisers, navigation and
inbox columns here through `records.registry.Registry`.
"""
