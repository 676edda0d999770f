using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace WorkOrders.Cli.Model;

/// <summary>The actions of <c>pdm model</c>: validate the arguments, call the API, print the answer.</summary>
public sealed class ModelRunner(CliConsole console, HttpMessageHandler? handler)
{
    /// <summary>The API could not be reached or failed (5xx).</summary>
    public const int Unavailable = 3;

    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(30);

    public async Task<int> TrainAsync(string? api, string? assetType, string? from, string? to, TextWriter output, CancellationToken cancellationToken)
    {
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

        return await CallAsync(baseUri!, $"training {assetType} on {start:u} … {end:u}", async client =>
            await client.PostAsJsonAsync("api/models/train", new { assetType, from = start, to = end }, cancellationToken),
            async version => await output.WriteLineAsync(Describe(version)));
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
        });
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
            async version => await output.WriteLineAsync(Describe(version)));
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
            async version => await output.WriteLineAsync(Describe(version)));
    }

    private async Task<int> CallAsync(Uri baseUri, string what, Func<HttpClient, Task<HttpResponseMessage>> send, Func<JsonElement, Task> print)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = baseUri;
        client.Timeout = TrainingTimeout;
        string body;
        HttpStatusCode status;
        try
        {
            (status, body) = await console.Progress.Status().StartAsync(Markup.Escape(what + " …"), async _ =>
            {
                using var response = await send(client);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            });
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await console.Error.WriteLineAsync($"error: the API at {baseUri} could not be reached: {ex.Message}");
            return Unavailable;
        }

        using var document = JsonDocument.Parse(body.Length == 0 ? "null" : body);
        var answer = document.RootElement;
        if ((int)status >= 500)
        {
            await console.Error.WriteLineAsync($"error: the API answered {(int)status}: {Problem(answer)}");
            return Unavailable;
        }

        if ((int)status >= 400)
        {
            await console.Error.WriteLineAsync($"error: {(int)status} {Problem(answer)}");
            return ExitCodes.BadInput;
        }

        await print(answer);
        return ExitCodes.Success;
    }

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
