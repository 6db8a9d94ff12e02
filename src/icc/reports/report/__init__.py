"""The city index report (harmonised format): its data, its layout, and its PDF.

Theory of operation::

    place + edition (published response)
      -> data.report_data: results refreshed, ranks worded, averages, facts, membership, and
         one AreaSection per indicator area (areas.question_lines: the answers and the points
         the scoring gave them; recommendations where low; the best cities of the area, and
         good practices of the area from the knowledge base)
      -> render.report_charts_draw: the charts page's chart definitions drawn to SVG
      -> render.report_html: one body template for the page and the standalone HTML
      -> render.report_pdf -> typeset.report_typeset: the same data and messages typeset on
         A4 by Typst (``templates/reports/report.typ``)
"""
