"""Site-wide tests (the API as a whole) and their support, such as URL configurations that
wrap the whole site."""
