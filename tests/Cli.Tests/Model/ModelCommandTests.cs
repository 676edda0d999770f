using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using WorkOrders.Cli.Model;

namespace WorkOrders.Cli.Tests.Model;

public sealed class ModelCommandTests
{
    private const string Version = """
        {"id":"0193a0b4-0000-7000-8000-000000000001","label":"pump-v2","status":"Active","createdAt":"2026-11-25T10:00:00+00:00","activatedAt":"2026-11-25T11:00:00+00:00","metrics":{"rulHoldoutRmse":12.5}}
        """;

    [Fact]
    public async Task Train_ExitsWith2_NamingEveryBadArgument_WithoutCallingTheApi()
    {
        var api = new FakeApi(HttpStatusCode.Created, Version);

        var (exit, output, error) = await RunAsync(api, "model", "train", "--api", "http://localhost:5000", "--from", "yesterday", "--to", "2026-11-01");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("error: --asset-type is required (e.g. --asset-type pump).", error, StringComparison.Ordinal);
        Assert.Contains("error: --from 'yesterday' is not a date and time", error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Activate_ExitsWith2_WhenTheIdIsNotAVersionId()
    {
        var (exit, _, error) = await RunAsync(new FakeApi(HttpStatusCode.OK, Version), "model", "activate", "pump-v2", "--api", "http://localhost:5000");

        Assert.Equal(2, exit);
        Assert.Contains("ID 'pump-v2' is not a version id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_PostsTheRange_AndPrintsTheCandidate()
    {
        var api = new FakeApi(HttpStatusCode.Created, Version);

        var (exit, output, _) = await RunAsync(api, "model", "train", "--api", "http://pdm.test:5000", "--asset-type", "pump",
            "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z");

        Assert.Equal(0, exit);
        var request = Assert.Single(api.Requests);
        Assert.Equal("POST http://pdm.test:5000/api/models/train", request.Line);
        Assert.Contains("\"assetType\":\"pump\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"from\":\"2026-11-01T00:00:00+00:00\"", request.Body, StringComparison.Ordinal);
        Assert.StartsWith("0193a0b4-0000-7000-8000-000000000001\tpump-v2\tActive\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ExitsWith2_WithTheApisReason_OnAConflict()
    {
        var api = new FakeApi(HttpStatusCode.Conflict, """{"status":409,"detail":"pump-v1 is the first version activated for 'pump'; there is no earlier version to roll back to."}""");

        var (exit, _, error) = await RunAsync(api, "model", "rollback", "pump", "--api", "http://pdm.test");

        Assert.Equal(2, exit);
        Assert.Equal("POST http://pdm.test/api/models/pump/rollback", Assert.Single(api.Requests).Line);
        Assert.Contains("error: 409 pump-v1 is the first version activated for 'pump'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ExitsWith3_WhenTheApiCannotBeReached()
    {
        var (exit, _, error) = await RunAsync(null, "model", "list", "--api", "http://127.0.0.1:1");

        Assert.Equal(ModelRunner.Unavailable, exit);
        Assert.Contains("error: the API at http://127.0.0.1:1/ could not be reached", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(HttpMessageHandler? api, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var console = new CliConsole(error);
        var root = new RootCommand("test") { ModelCommand.Create(console, api) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private sealed class FakeApi(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<(string Line, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(($"{request.Method} {request.RequestUri}", content));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
