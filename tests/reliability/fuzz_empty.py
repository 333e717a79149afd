"""fork() target of tests/reliability/test_fuzz_args.py: exits at once."""
