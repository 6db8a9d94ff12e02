"""Site-wide test support: URL configurations that wrap the whole site."""
