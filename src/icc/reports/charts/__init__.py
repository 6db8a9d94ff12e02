"""The index charts: filters in the query string, one data table per view, one chart per view.

Theory of operation::

    query string (page, download or API)
      -> query.chart_query_parse: checked filters (edition, index, areas, bands, country,
         network, status, view, places, x) or ChartQueryError naming the wrong parameter
      -> sample.sample_load: the edition's results in one query, facts in one more, filtered
      -> build.chart_view_build (and spread): the view's table (columns, rows, see view) and
         a chart drawn from it
      -> specs.*_chart: the Altair definition, rendered by vega-embed on the page and by
         vl-convert to SVG on paper
      -> export.chart_view_sheets: the same table as CSV or XLSX (icc.core.tabular)

``specs`` is pure (Altair only, no Django) and this package imports nothing on its own, so it can
be used alone; import from the submodules.
"""
