from readiness.cli.app import main

main()
