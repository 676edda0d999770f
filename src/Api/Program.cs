using WorkOrders.Api.Hosting;

// `--demo` is a switch, not a key=value pair: translate it before ASP.NET reads the command line.
// Its settings go first, so that any later argument can still override them.
var demo = args.Contains("--demo", StringComparer.Ordinal);
var arguments = demo ? [.. DemoDefaults.Arguments, .. args.Where(a => a != "--demo")] : args;
var builder = WebApplication.CreateBuilder(arguments);

// Serve the framework's static assets (blazor.web.js) from the build output under `dotnet run` in any
// environment, not only Development; a published app serves them from wwwroot and is unaffected.
builder.WebHost.UseStaticWebAssets();

builder.AddPlatform();
var app = builder.Build();
app.MapPlatform();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
