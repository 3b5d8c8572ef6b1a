import JWTCommands

JWTCommand.main()
