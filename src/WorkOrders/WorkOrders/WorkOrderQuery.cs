using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>Filters and paging for <see cref="WorkOrderService.QueryAsync"/>; results are newest first.</summary>
public sealed record WorkOrderQuery(
    WorkOrderStatus? Status = null,
    WorkOrderSource? Source = null,
    string? DeviceId = null,
    string? AssetType = null,
    string? AssigneeId = null,
    int Page = 1,
    int PageSize = WorkOrderQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Builds a query from query-string values, or messages per parameter.</summary>
    public static (WorkOrderQuery? Query, IDictionary<string, string[]> Errors) Parse(
        string? status, string? source, string? deviceId, string? assetType, string? assigneeId, int? page, int? pageSize)
    {
        var errors = new ValidationErrors();
        var parsedStatus = errors.Enum<WorkOrderStatus>("status", status, required: false);
        var parsedSource = errors.Enum<WorkOrderSource>("source", source, required: false);
        if (page is < 1)
        {
            errors.Add("page", "page must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize must be from 1 to {MaxPageSize}.");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors.ToDictionary());
        }

        var query = new WorkOrderQuery(
            parsedStatus, parsedSource, NullIfBlank(deviceId), Codes.Normalize(assetType), NullIfBlank(assigneeId),
            page ?? 1, pageSize ?? DefaultPageSize);
        return (query, errors.ToDictionary());
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
