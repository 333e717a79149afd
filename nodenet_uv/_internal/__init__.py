"""Ports of Node's lib/internal/*.js that sit below the error table (see DESIGN.md §2)."""
