using Platform.Kubernetes;

return CommandLine.Run(args, Console.Out, Console.Error);
