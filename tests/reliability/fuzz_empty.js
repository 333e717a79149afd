// fork() target of tests/reliability/fuzz_args.js: exits at once.
