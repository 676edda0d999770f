using WorkOrders.Cli;

return await PdmApp.RunAsync(args, CliConsole.Standard(), Console.Out);
