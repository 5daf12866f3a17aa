"""The `govkg` command line. Commands only parse arguments and call library functions."""
