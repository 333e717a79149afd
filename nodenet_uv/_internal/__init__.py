"""Ports of Node's lib/internal/*.js that sit below the error table (see docs/design.md)."""
