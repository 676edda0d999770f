using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using WorkOrders.Cli.Model;

namespace WorkOrders.Cli.Tests.Model;

public sealed class ModelCommandTests
{
    private const string Version = """
        {"id":"0193a0b4-0000-7000-8000-000000000001","label":"pump-v2","status":"Active","createdAt":"2026-11-25T10:00:00+00:00","activatedAt":"2026-11-25T11:00:00+00:00","metrics":{"rulHoldoutRmse":12.5}}
        """;

    private const string JobId = "0193a0b4-1111-7000-8000-00000000000a";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly (HttpStatusCode, string, string?) Accepted = (HttpStatusCode.Accepted,
        $$"""{"id":"{{JobId}}","assetType":"pump","status":"Queued","percent":0,"stage":"queued"}""", $"/api/models/training-jobs/{JobId}");

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
    public async Task Train_QueuesTheJob_ShowsEachNewStageAndPercent_AndPrintsTheVersion_WhenTheJobSucceeds()
    {
        var api = new FakeApi(
            Accepted,
            Job("Running", 20, "reading history (1 of 3 devices)"),
            Job("Running", 20, "reading history (1 of 3 devices)"),
            Job("Running", 60, "training the pump baseline on 3 channels"),
            Job("Succeeded", 100, "done", modelVersionId: "0193a0b4-0000-7000-8000-000000000001"),
            (HttpStatusCode.OK, Version, null));

        var (exit, output, error) = await RunAsync(api, "model", "train", "--api", "http://pdm.test:5000", "--asset-type", "pump",
            "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z");

        Assert.Equal(0, exit);
        Assert.Equal(
            ["POST http://pdm.test:5000/api/models/train", .. Enumerable.Repeat($"GET http://pdm.test:5000/api/models/training-jobs/{JobId}", 4),
             "GET http://pdm.test:5000/api/models/0193a0b4-0000-7000-8000-000000000001"],
            api.Requests.Select(r => r.Line));
        Assert.Contains("\"assetType\":\"pump\"", api.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"from\":\"2026-11-01T00:00:00+00:00\"", api.Requests[0].Body, StringComparison.Ordinal);
        Assert.StartsWith("0193a0b4-0000-7000-8000-000000000001\tpump-v2\tActive\t", output, StringComparison.Ordinal);
        Assert.Equal(
            ["Running  20% reading history (1 of 3 devices)", "Running  60% training the pump baseline on 3 channels", "Succeeded 100% done"],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("Running", StringComparison.Ordinal) || l.StartsWith("Succeeded", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Train_ExitsWith4_WithTheJobsError_WhenTheJobFails()
    {
        var api = new FakeApi(Accepted, Job("Running", 5, "reading history (1 of 1 devices)"),
            Job("Failed", 5, "reading history (1 of 1 devices)", error: "No stored telemetry of a 'pump' device in the training range."));

        var (exit, output, error) = await RunAsync(api, "model", "train", "--api", "http://pdm.test", "--asset-type", "pump",
            "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z");

        Assert.Equal(ModelRunner.TrainingFailed, exit);
        Assert.Equal("", output);
        Assert.Contains($"error: training job {JobId} failed: No stored telemetry of a 'pump' device in the training range.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_ExitsWith5_WhenTheJobIsCancelledWhileItIsFollowed()
    {
        var api = new FakeApi(Accepted, Job("Running", 20, "reading history (1 of 3 devices)"), Job("Cancelled", 20, "cancelled: wrong range"));

        var (exit, output, error) = await RunAsync(api, "model", "train", "--api", "http://pdm.test", "--asset-type", "pump",
            "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z");

        Assert.Equal((ModelRunner.TrainingCancelled, ""), (exit, output));
        Assert.Contains($"error: training job {JobId} was cancelled (cancelled: wrong range); no version was stored.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_PostsToTheJobsCancelRoute_WithTheReason_AndPrintsTheCancelledJob()
    {
        var api = new FakeApi(Job("Cancelled", 20, "cancelled: wrong range"));

        var (exit, output, _) = await RunAsync(api, "model", "cancel", JobId, "--api", "http://pdm.test", "--reason", "wrong range");

        Assert.Equal((0, $"{JobId}\tpump\tCancelled\tcancelled: wrong range{Environment.NewLine}"), (exit, output));
        var request = Assert.Single(api.Requests);
        Assert.Equal($"POST http://pdm.test/api/models/training-jobs/{JobId}/cancel", request.Line);
        Assert.Contains("\"reason\":\"wrong range\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ExitsWith2_WhenTheIdIsNotAJobId_OrTheJobAlreadyEnded()
    {
        var notAnId = await RunAsync(new FakeApi(HttpStatusCode.OK, "{}"), "model", "cancel", "pump", "--api", "http://pdm.test");
        var ended = await RunAsync(
            new FakeApi(HttpStatusCode.Conflict, $$"""{"status":409,"detail":"Training job {{JobId}} already ended Succeeded; only a queued or running job can be cancelled."}"""),
            "model", "cancel", JobId, "--api", "http://pdm.test");

        Assert.Equal(2, notAnId.ExitCode);
        Assert.Contains("error: JOB_ID 'pump' is not a training job id", notAnId.Error, StringComparison.Ordinal);
        Assert.Equal(2, ended.ExitCode);
        Assert.Contains($"error: 409 Training job {JobId} already ended Succeeded", ended.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_WithNoWait_PrintsTheJobId_WithoutFollowingIt()
    {
        var api = new FakeApi(Accepted);

        var (exit, output, _) = await RunAsync(api, "model", "train", "--api", "http://pdm.test", "--asset-type", "pump",
            "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z", "--no-wait");

        Assert.Equal((0, JobId + Environment.NewLine), (exit, output));
        Assert.Equal("POST http://pdm.test/api/models/train", Assert.Single(api.Requests).Line);
    }

    [Fact]
    public async Task Train_ExitsWith2_WithTheApisReason_WhenNoJobCanBeQueued()
    {
        var api = new FakeApi(HttpStatusCode.BadRequest,
            """{"status":400,"errors":{"assetType":["No device of asset type 'turbine' is registered, so there is no history to train on."]}}""");

        var (exit, output, error) = await RunAsync(api, "model", "train", "--api", "http://pdm.test", "--asset-type", "turbine",
            "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z");

        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("error: 400 No device of asset type 'turbine' is registered", error, StringComparison.Ordinal);
        Assert.Single(api.Requests);
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
        var root = new RootCommand("test") { ModelCommand.Create(console, api, pollInterval: TimeSpan.Zero) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static (HttpStatusCode, string, string?) Job(string status, int percent, string stage, string? modelVersionId = null, string? error = null) =>
        (HttpStatusCode.OK, JsonSerializer.Serialize(new { id = JobId, assetType = "pump", status, percent, stage, modelVersionId, error }, Web), null);

    /// <summary>Answers the requests in order with the scripted responses; the last one repeats.</summary>
    private sealed class FakeApi(params (HttpStatusCode Status, string Body, string? Location)[] script) : HttpMessageHandler
    {
        public FakeApi(HttpStatusCode status, string body)
            : this((status, body, null))
        {
        }

        public List<(string Line, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(($"{request.Method} {request.RequestUri}", content));
            var (status, body, location) = script[Math.Min(Requests.Count, script.Length) - 1];
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (location is not null)
            {
                response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            }

            return response;
        }
    }
}
