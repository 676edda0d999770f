using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace WorkOrders.Cli.Model;

/// <summary>The actions of <c>pdm model</c>: validate the arguments, call the API, print the answer (training: follow the job).</summary>
public sealed class ModelRunner(CliConsole console, HttpMessageHandler? handler, TimeSpan pollInterval, TimeProvider clock)
{
    /// <summary>The API could not be reached or failed (5xx).</summary>
    public const int Unavailable = 3;

    /// <summary>The training job ended Failed; its error is printed.</summary>
    public const int TrainingFailed = 4;

    /// <summary>The training job was cancelled (by <c>pdm model cancel</c> or the API) before it ended.</summary>
    public const int TrainingCancelled = 5;

    /// <summary>Waiting was stopped (Ctrl+C); the job goes on.</summary>
    public const int Interrupted = 130;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    public async Task<int> TrainAsync(
        string? api, string? assetType, string? from, string? to, bool noWait, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = new List<string>();
        var baseUri = ApiUri(api, errors);
        if (string.IsNullOrWhiteSpace(assetType))
        {
            errors.Add("--asset-type is required (e.g. --asset-type pump).");
        }

        var start = Time("--from", from, errors);
        var end = Time("--to", to, errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add($"--to ({to}) must be after --from ({from}).");
        }

        if (errors.Count > 0)
        {
            return await BadArgumentsAsync(errors);
        }

        using var client = CreateClient(baseUri!);
        var queued = await SendAsync(client, baseUri!, c => c.PostAsJsonAsync("api/models/train", new { assetType, from = start, to = end }, cancellationToken), cancellationToken);
        if (queued.Exit is { } refused)
        {
            return refused;
        }

        var jobId = Text(queued.Body, "id");
        if (noWait)
        {
            await output.WriteLineAsync(jobId);
            return ExitCodes.Success;
        }

        return await FollowAsync(client, baseUri!, queued.Location ?? $"api/models/training-jobs/{jobId}", jobId, output, cancellationToken);
    }

    /// <summary>Polls the job, printing its stage and percent whenever they change, until it succeeds or fails.</summary>
    private async Task<int> FollowAsync(
        HttpClient client, Uri baseUri, string location, string jobId, TextWriter output, CancellationToken cancellationToken)
    {
        await console.Error.WriteLineAsync($"training job {jobId} queued; waiting for it (Ctrl+C stops waiting, not the job; 'pdm model cancel {jobId}' stops the job)");
        var shown = "";
        try
        {
            while (true)
            {
                var polled = await SendAsync(client, baseUri, c => c.GetAsync(location.TrimStart('/'), cancellationToken), cancellationToken);
                if (polled.Exit is { } failed)
                {
                    await console.Error.WriteLineAsync($"training job {jobId} may still be running: GET {location} shows it.");
                    return failed;
                }

                var job = polled.Body;
                var line = $"{Text(job, "status")} {(job.TryGetProperty("percent", out var percent) ? percent.GetInt32() : 0),3}% {Text(job, "stage")}";
                if (line != shown)
                {
                    await console.Error.WriteLineAsync(line);
                    shown = line;
                }

                switch (Text(job, "status"))
                {
                    case "Succeeded":
                        return await PrintVersionAsync(client, baseUri, Text(job, "modelVersionId"), output, cancellationToken);
                    case "Failed":
                        await console.Error.WriteLineAsync($"error: training job {jobId} failed: {Text(job, "error")}");
                        return TrainingFailed;
                    case "Cancelled":
                        await console.Error.WriteLineAsync($"error: training job {jobId} was cancelled ({Text(job, "stage")}); no version was stored.");
                        return TrainingCancelled;
                }

                await Task.Delay(pollInterval, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"stopped waiting; training job {jobId} goes on (GET {location}).");
            return Interrupted;
        }
    }

    private async Task<int> PrintVersionAsync(HttpClient client, Uri baseUri, string versionId, TextWriter output, CancellationToken cancellationToken)
    {
        var version = await SendAsync(client, baseUri, c => c.GetAsync($"api/models/{Uri.EscapeDataString(versionId)}", cancellationToken), cancellationToken);
        await output.WriteLineAsync(version.Exit is null ? Describe(version.Body) : versionId);
        return ExitCodes.Success;
    }

    public async Task<int> CancelAsync(string? api, string? id, string? reason, TextWriter output, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var baseUri = ApiUri(api, errors);
        if (!Guid.TryParse(id, out var jobId))
        {
            errors.Add(string.IsNullOrWhiteSpace(id)
                ? "JOB_ID is required: the id 'pdm model train' printed."
                : $"JOB_ID '{id}' is not a training job id (a GUID, as 'pdm model train' prints it).");
        }

        if (errors.Count > 0)
        {
            return await BadArgumentsAsync(errors);
        }

        return await CallAsync(baseUri!, $"cancelling training job {jobId}", client =>
            client.PostAsJsonAsync($"api/models/training-jobs/{jobId}/cancel", new { reason }, cancellationToken),
            async job => await output.WriteLineAsync($"{Text(job, "id")}\t{Text(job, "assetType")}\t{Text(job, "status")}\t{Text(job, "stage")}"),
            cancellationToken);
    }

    public async Task<int> ListAsync(string? api, string? assetType, TextWriter output, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var baseUri = ApiUri(api, errors);
        if (errors.Count > 0)
        {
            return await BadArgumentsAsync(errors);
        }

        var path = string.IsNullOrWhiteSpace(assetType) ? "api/models" : $"api/models?assetType={Uri.EscapeDataString(assetType)}";
        return await CallAsync(baseUri!, "listing model versions", client => client.GetAsync(path, cancellationToken), async versions =>
        {
            await output.WriteLineAsync("id\tlabel\tstatus\tcreated\tactivated\tmetrics");
            foreach (var version in versions.EnumerateArray())
            {
                await output.WriteLineAsync(Describe(version));
            }
        }, cancellationToken);
    }

    public async Task<int> ActivateAsync(string? api, string? id, string? actor, TextWriter output, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var baseUri = ApiUri(api, errors);
        if (!Guid.TryParse(id, out var versionId))
        {
            errors.Add(string.IsNullOrWhiteSpace(id) ? "ID is required: the version's id from 'pdm model list'." : $"ID '{id}' is not a version id (a GUID from 'pdm model list').");
        }

        if (errors.Count > 0)
        {
            return await BadArgumentsAsync(errors);
        }

        return await CallAsync(baseUri!, $"activating {versionId}", client =>
            client.PostAsJsonAsync($"api/models/{versionId}/activate", new { actor = actor ?? Environment.UserName }, cancellationToken),
            async version => await output.WriteLineAsync(Describe(version)), cancellationToken);
    }

    public async Task<int> RollbackAsync(string? api, string? assetType, string? actor, TextWriter output, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var baseUri = ApiUri(api, errors);
        if (string.IsNullOrWhiteSpace(assetType))
        {
            errors.Add("ASSET_TYPE is required, e.g. 'pdm model rollback pump'.");
        }

        if (errors.Count > 0)
        {
            return await BadArgumentsAsync(errors);
        }

        return await CallAsync(baseUri!, $"rolling back {assetType}", client =>
            client.PostAsJsonAsync($"api/models/{Uri.EscapeDataString(assetType!.Trim())}/rollback", new { actor = actor ?? Environment.UserName }, cancellationToken),
            async version => await output.WriteLineAsync(Describe(version)), cancellationToken);
    }

    private async Task<int> CallAsync(
        Uri baseUri, string what, Func<HttpClient, Task<HttpResponseMessage>> send, Func<JsonElement, Task> print, CancellationToken cancellationToken)
    {
        using var client = CreateClient(baseUri);
        var answer = await console.Progress.Status().StartAsync(Markup.Escape(what + " …"), _ => SendAsync(client, baseUri, send, cancellationToken));
        if (answer.Exit is { } failed)
        {
            return failed;
        }

        await print(answer.Body);
        return ExitCodes.Success;
    }

    private HttpClient CreateClient(Uri baseUri)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = baseUri;
        client.Timeout = RequestTimeout;
        return client;
    }

    /// <summary>Sends one request; the answer's body, or the exit code after the error was printed.</summary>
    private async Task<Answer> SendAsync(
        HttpClient client, Uri baseUri, Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        string body;
        HttpStatusCode status;
        string? location;
        try
        {
            using var response = await send(client);
            (status, body, location) = (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"error: the API at {baseUri} could not be reached: {ex.Message}");
            return new(default, null, Unavailable);
        }

        using var document = JsonDocument.Parse(body.Length == 0 ? "null" : body);
        var answer = document.RootElement.Clone();
        if ((int)status >= 500)
        {
            await console.Error.WriteLineAsync($"error: the API answered {(int)status}: {Problem(answer)}");
            return new(answer, location, Unavailable);
        }

        if ((int)status >= 400)
        {
            await console.Error.WriteLineAsync($"error: {(int)status} {Problem(answer)}");
            return new(answer, location, ExitCodes.BadInput);
        }

        return new(answer, location, null);
    }

    private readonly record struct Answer(JsonElement Body, string? Location, int? Exit);

    private async Task<int> BadArgumentsAsync(List<string> errors)
    {
        foreach (var error in errors)
        {
            await console.Error.WriteLineAsync($"error: {error}");
        }

        return ExitCodes.BadInput;
    }

    private static Uri? ApiUri(string? api, List<string> errors)
    {
        var text = string.IsNullOrWhiteSpace(api) ? Environment.GetEnvironmentVariable("PDM_API") : api;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("--api URL is required (or set PDM_API), e.g. --api http://localhost:5000.");
            return null;
        }

        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"--api '{text}' is not an http(s) URL.");
            return null;
        }

        return uri;
    }

    private static DateTimeOffset? Time(string name, string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{name} is required (ISO-8601, e.g. 2026-11-01T00:00:00Z).");
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors.Add($"{name} '{text}' is not a date and time (ISO-8601, e.g. 2026-11-01T00:00:00Z).");
        return null;
    }

    private static string Problem(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return answer.ToString();
        }

        if (answer.TryGetProperty("errors", out var errors))
        {
            return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
        }

        return answer.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : answer.ToString();
    }

    private static string Describe(JsonElement version) => string.Join('\t',
        Text(version, "id"), Text(version, "label"), Text(version, "status"), Text(version, "createdAt"), Text(version, "activatedAt"),
        version.TryGetProperty("metrics", out var metrics) ? metrics.GetRawText() : "{}");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "-";
}
