"""The command line's commands, one module per group; each registers its subcommands on the parser."""
