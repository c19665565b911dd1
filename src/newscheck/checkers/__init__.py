"""Built-in checker families, one subpackage each; every family exports ``CHECKERS``."""
