using WorkOrders.Api.Hosting;

// `--demo` is a switch, not a key=value pair: translate it before ASP.NET reads the command line.
// Its settings go first, so that any later argument can still override them.
var demo = args.Contains("--demo", StringComparer.Ordinal);
var arguments = demo ? [.. DemoDefaults.Arguments, .. args.Where(a => a != "--demo")] : args;
var builder = WebApplication.CreateBuilder(arguments);

builder.AddPlatform();
var app = builder.Build();
app.MapPlatform();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
