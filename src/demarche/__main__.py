from demarche.cli import main

main()
