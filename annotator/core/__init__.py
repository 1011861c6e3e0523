"""Pure Python domain: no Qt, no I/O."""
