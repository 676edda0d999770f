using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSystemd();
builder.Services.AddEdgeAgent();

try
{
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync("Configuration error:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", ex.Failures));
    return StartupExitCodes.ConfigurationError;
}
catch (InvalidOperationException ex) when (StartupExitCodes.IsConfigurationBindingError(ex))
{
    await Console.Error.WriteLineAsync("Configuration error:" + Environment.NewLine + "  " + ex.Message);
    return StartupExitCodes.ConfigurationError;
}
