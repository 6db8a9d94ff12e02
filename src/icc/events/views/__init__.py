"""Pages of the events module. Views stay thin: selectors read, services write.

``public`` (list, event page, agenda, PDF, calendars), ``registration`` (register, the personal
link), ``secretariat`` (registrations, check-in, exports) and ``editor`` (the programme editor).
"""
