using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.WorkOrders;

public sealed partial class WorkOrderService
{
    private static readonly WorkOrderSource[] PeopleSources = [WorkOrderSource.Phone, WorkOrderSource.Web, WorkOrderSource.Api];

    private static readonly WorkOrderCategory[] AssetCategories =
        [WorkOrderCategory.Repair, WorkOrderCategory.Installation, WorkOrderCategory.Inspection, WorkOrderCategory.PreventiveMaintenance];

    /// <summary>Validates an order from the API, the phone desk or the web form and opens it.</summary>
    public async Task<CreateWorkOrderResult> CreateAsync(NewWorkOrder request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var source = errors.Enum("source", request.Source, required: true, PeopleSources);
        var category = errors.Enum<WorkOrderCategory>("category", request.Category, required: true);
        var title = errors.Text("title", request.Title, 200, required: true);
        var description = errors.Text("description", request.Description, 4000, required: false) ?? "";
        var priority = errors.Enum<WorkOrderPriority>("priority", request.Priority, required: false) ?? WorkOrderPriority.Medium;
        var assetType = Codes.Normalize(errors.Text("assetType", request.AssetType, 64, required: false));
        var site = Codes.Normalize(errors.Text("site", request.Site, 64, required: false));
        var key = errors.Text("idempotencyKey", request.IdempotencyKey, 200, required: false);
        var actor = errors.Text("actor", request.Actor, 128, required: false);
        string? deviceId = null;
        if (!string.IsNullOrWhiteSpace(request.DeviceId))
        {
            deviceId = request.DeviceId.Trim();
            if (!DeviceIds.IsValid(deviceId))
            {
                errors.Add("deviceId", "deviceId must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
            }
            else if (await devices.FindAsync(deviceId, cancellationToken) is { } device)
            {
                assetType ??= device.AssetType;
                site ??= device.Site;
            }
            else
            {
                errors.Add("deviceId", $"deviceId '{deviceId}' is not a registered device.");
            }
        }

        if (site is null && !errors.Contains("deviceId"))
        {
            errors.Add("site", "site is required (or give the deviceId of a registered device).");
        }

        if (assetType is null && category is { } c && AssetCategories.Contains(c) && !errors.Contains("deviceId"))
        {
            errors.Add("assetType", $"assetType is required for {c} orders (or give the deviceId of a registered device).");
        }

        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        var draft = new WorkOrderDraft(source!.Value, category!.Value, title!, description, priority, deviceId, assetType, site, key);
        var (order, created) = await OpenAsync(draft, actor ?? source.Value.ToString().ToLowerInvariant(), null, cancellationToken);
        return new(WorkOrderView.From(order), created, errors.ToDictionary());
    }

    /// <summary>
    /// Opens the one preventive order of an anomaly episode, or returns the one already opened for
    /// <see cref="PredictiveWorkOrderRequest.IdempotencyKey"/> with <c>Created = false</c>.
    /// </summary>
    public async Task<OpenedWorkOrder> OpenPredictiveAsync(PredictiveWorkOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.AssetType);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Title);
        if (request.IdempotencyKey.Length > 200)
        {
            throw new ArgumentException("The idempotency key must be at most 200 characters.", nameof(request));
        }

        if (!DeviceIds.IsValid(request.DeviceId))
        {
            throw new ArgumentException($"'{request.DeviceId}' is not a valid device id.", nameof(request));
        }

        if (!double.IsFinite(request.Severity))
        {
            throw new ArgumentException("Severity must be a finite number from 0 to 1.", nameof(request));
        }

        var site = Codes.Normalize(request.Site) ?? (await devices.FindAsync(request.DeviceId, cancellationToken))?.Site;
        var predictedFailureAt = request.PredictedFailureAt?.ToUniversalTime();
        var severity = Math.Clamp(request.Severity, 0, 1);
        var plan = planner.Plan(request, clock.GetUtcNow());
        var draft = new WorkOrderDraft(
            WorkOrderSource.Prediction,
            WorkOrderCategory.PreventiveMaintenance,
            Cut(request.Title.Trim(), 200),
            Cut(request.Explanation ?? "", 4000),
            plan?.Priority ?? SlaPolicy.PriorityFor(severity, predictedFailureAt, clock.GetUtcNow()),
            request.DeviceId,
            Codes.Normalize(request.AssetType),
            site,
            request.IdempotencyKey,
            severity,
            predictedFailureAt)
        {
            ModelVersion = request.ModelVersion is { } version ? Cut(version.Trim(), 100) : null,
            DetectedAt = request.DetectedAt.ToUniversalTime(),
            DueBy = plan?.DueBy?.ToUniversalTime(),
        };
        var (order, created) = await OpenAsync(draft, "prediction", request.DetectedAt.ToUniversalTime(), cancellationToken);
        return new OpenedWorkOrder(order.Id, order.Number, order.AssigneeId, created);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
