using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Intake;

namespace WorkOrders.Api.Intake;

/// <summary>Bulk import of work orders: <c>POST /api/workorders/import</c> with a <c>text/csv</c> body.</summary>
public static class WorkOrderImportApi
{
    /// <summary>The largest file accepted in one request.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static RouteHandlerBuilder MapWorkOrderImportApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/workorders/import", ImportAsync).WithTags("Work orders").WithName("ImportWorkOrders")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Opens one work order per CSV row (header: category, title, site, deviceId, customerId, contactName, …, "
                + "idempotencyKey, allowDuplicate; other columns are template fields). Good rows are created or linked; bad rows are "
                + "reported with line, column and message; rows with an idempotencyKey are not opened twice.");

    public static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, WorkOrderImport import, string? actor, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                $"Send the file as text/csv (the request says {request.ContentType ?? "nothing"}).",
                title: "Unsupported media type", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength is > MaxBytes)
        {
            return TooLarge();
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var chunk = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (text.Length + read > MaxBytes)
            {
                return TooLarge();
            }

            text.Append(chunk, 0, read);
        }

        var result = await import.ImportAsync(text.ToString(), actor, cancellationToken);
        return result.Summary is { } summary
            ? TypedResults.Ok(summary)
            : TypedResults.ValidationProblem(result.Errors, title: "The file cannot be imported.");
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"The file is larger than {MaxBytes / 1024 / 1024} MiB; split it into several imports.",
        title: "The file is too large", statusCode: StatusCodes.Status413PayloadTooLarge);
}
