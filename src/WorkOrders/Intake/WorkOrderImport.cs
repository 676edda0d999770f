using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Intake;

/// <summary>
/// Bulk import (<c>POST /api/workorders/import</c>, <c>text/csv</c>): a header row whose columns are
/// <see cref="NewWorkOrder"/> fields (any case), every other column a template free field (<c>symptoms</c> or
/// <c>fields.symptoms</c>). Each row is validated and opened on its own through the same path as the API, with
/// source Import; bad rows are reported with line, column and message. Rows with an <c>idempotencyKey</c> are
/// not opened twice when the file is sent again.
/// </summary>
public sealed class WorkOrderImport(WorkOrderService workOrders, ILogger<WorkOrderImport> logger)
{
    public const int MaxRows = 5000;

    private static readonly string[] Columns =
    [
        "category", "title", "description", "priority", "deviceId", "assetType", "site", "idempotencyKey", "actor",
        "customerId", "customerTier", "contactName", "contactPhone", "contactEmail", "allowDuplicate",
    ];

    public async Task<ImportResult> ImportAsync(string csv, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        CsvTable table;
        try
        {
            table = CsvTable.Parse(csv);
        }
        catch (FormatException ex)
        {
            return Refused("file", ex.Message);
        }

        var (map, headerErrors) = MapHeader(table.Header);
        if (headerErrors.Count > 0)
        {
            return new(null, headerErrors);
        }

        if (table.Rows.Count > MaxRows)
        {
            return Refused("file", $"the file has {table.Rows.Count} rows; send at most {MaxRows} per request.");
        }

        var results = new List<ImportRowResult>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            results.Add(await ImportRowAsync(table.Header, map, row, actor, cancellationToken));
        }

        int Count(string outcome) => results.Count(r => r.Outcome == outcome);
        var summary = new ImportSummary(
            results.Count, Count(ImportOutcomes.Created), Count(ImportOutcomes.Linked), Count(ImportOutcomes.Existing),
            Count(ImportOutcomes.Rejected), [.. results.SelectMany(r => r.Problems)], results);
        logger.Imported(summary.Created, summary.Linked, summary.Existing, summary.Rejected, summary.Rows);
        return new(summary, new Dictionary<string, string[]>());
    }

    private async Task<ImportRowResult> ImportRowAsync(
        IReadOnlyList<string> header, IReadOnlyList<string?> map, CsvTable.Row row, string? actor, CancellationToken cancellationToken)
    {
        if (row.Fields.Count != header.Count)
        {
            var message = $"the row has {row.Fields.Count} field(s); the header has {header.Count}.";
            return Rejected(row.Line, [new ImportProblem(row.Line, "row", message)]);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var free = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var value = row.Fields[i];
            if (map[i] is { } column)
            {
                values[column] = value;
            }
            else if (value.Trim().Length > 0)
            {
                free[FreeName(header[i])] = value;
            }
        }

        string? V(string column) => values.TryGetValue(column, out var v) && v.Trim().Length > 0 ? v : null;
        var allowDuplicate = false;
        if (V("allowDuplicate") is { } flag && !TryParseFlag(flag, out allowDuplicate))
        {
            var column = header[IndexOf(map, "allowDuplicate")];
            return Rejected(row.Line, [new ImportProblem(row.Line, column, $"{column} must be true or false; '{flag.Trim()}' is not.")]);
        }

        var request = new NewWorkOrder(
            null, V("category"), V("title"), V("description"), V("priority"), V("deviceId"), V("assetType"), V("site"),
            V("idempotencyKey"), V("actor") ?? actor ?? "import", V("customerId"), V("customerTier"), V("contactName"),
            V("contactPhone"), V("contactEmail"), free.Count == 0 ? null : free, allowDuplicate);
        var result = await workOrders.CreateAsync(request, WorkOrderSource.Import, cancellationToken);
        if (result.WorkOrder is not { } order)
        {
            return Rejected(row.Line, [.. result.Errors.SelectMany(e => e.Value.Select(m => new ImportProblem(row.Line, ColumnOf(header, map, e.Key), m)))]);
        }

        var outcome = !result.Created ? ImportOutcomes.Existing : order.DuplicateOfId is null ? ImportOutcomes.Created : ImportOutcomes.Linked;
        return new ImportRowResult(row.Line, outcome, order.Number, order.DuplicateOfNumber, []);
    }

    /// <summary>For each header cell, the <see cref="NewWorkOrder"/> field it maps to, or null for a free field.</summary>
    private static (IReadOnlyList<string?> Map, IDictionary<string, string[]> Errors) MapHeader(IReadOnlyList<string> header)
    {
        var map = new string?[header.Count];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                errors[$"header[{i + 1}]"] = [$"column {i + 1} has no name; every column needs one."];
                continue;
            }

            if (!seen.Add(name))
            {
                errors[name] = [$"the column '{name}' appears twice."];
                continue;
            }

            if (name.Equals("source", StringComparison.OrdinalIgnoreCase))
            {
                errors[name] = ["imported orders always have the source Import; remove the source column."];
                continue;
            }

            map[i] = Array.Find(Columns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
        }

        if (Array.IndexOf(map, "category") < 0 || Array.IndexOf(map, "title") < 0)
        {
            errors["header"] = [$"the header row must name at least the columns category and title; it has {string.Join(", ", header)}."];
        }

        return (map, errors);
    }

    private static string ColumnOf(IReadOnlyList<string> header, IReadOnlyList<string?> map, string errorKey)
    {
        var index = IndexOf(map, errorKey);
        if (index >= 0)
        {
            return header[index];
        }

        var free = errorKey.StartsWith("fields.", StringComparison.Ordinal) ? errorKey["fields.".Length..] : errorKey;
        for (var i = 0; i < header.Count; i++)
        {
            if (map[i] is null && FreeName(header[i]).Equals(free, StringComparison.OrdinalIgnoreCase))
            {
                return header[i];
            }
        }

        return errorKey;
    }

    private static int IndexOf(IReadOnlyList<string?> map, string column)
    {
        for (var i = 0; i < map.Count; i++)
        {
            if (string.Equals(map[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string FreeName(string column) =>
        column.StartsWith("fields.", StringComparison.OrdinalIgnoreCase) ? column["fields.".Length..] : column;

    private static bool TryParseFlag(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "1":
                value = true;
                return true;
            case "false" or "no" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static ImportRowResult Rejected(int line, IReadOnlyList<ImportProblem> problems) =>
        new(line, ImportOutcomes.Rejected, null, null, problems);

    private static ImportResult Refused(string key, string message) =>
        new(null, new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] });
}
