"""The domain: cases, people, consent, interviews, statements, evidence, custody, entities, search.

Uses vault/. Never imports Qt.
"""
