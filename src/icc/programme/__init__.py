"""Programme administration: grants, expert visits, support to cities, expenditure, network
reports and the annual report.
"""
