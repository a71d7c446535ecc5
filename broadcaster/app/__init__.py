"""The use cases and every rule: bulletins, documents, bookings, programmes, CAP, tasks, workflow.

Front doors (web, API, CLI, demo, imports) call this package; it calls the stages and the store.
"""
