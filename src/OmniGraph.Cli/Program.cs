using OmniGraph.Cli;

return await OmniGraphCli.RunAsync(args);
