"""Writes with side effects: keyword-only, typed, atomic; e-mails leave on commit.

``registration`` holds the registration lifecycle, ``setup`` what describes an event
(languages, organisers, themes, documents, registration questions), ``programme`` the parts,
slots, sessions, items and people of its programme, ``reminders`` the reminder e-mails.
"""
