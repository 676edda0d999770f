using Microsoft.EntityFrameworkCore;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Catalog;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Intake;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.WorkOrders;

public sealed partial class WorkOrderService
{
    private static readonly WorkOrderSource[] PeopleSources = [WorkOrderSource.Phone, WorkOrderSource.Web, WorkOrderSource.Api];

    /// <summary>Validates an order from the API, the phone desk or the web form and opens it.</summary>
    public Task<CreateWorkOrderResult> CreateAsync(NewWorkOrder request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, channel: null, cancellationToken);

    /// <summary>
    /// Validates an order against its category's template and opens it, or links it to an open order of the same
    /// device and category. <paramref name="channel"/> overrides <see cref="NewWorkOrder.Source"/> (bulk import).
    /// </summary>
    public async Task<CreateWorkOrderResult> CreateAsync(NewWorkOrder request, WorkOrderSource? channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var source = channel ?? errors.Enum("source", request.Source, required: true, PeopleSources);
        await using var db = contexts.CreateDbContext();
        var category = await ResolveCategoryAsync(db, request.Category, errors, cancellationToken);
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

        var party = await PartyLookup.ResolveAsync(db, request, site, errors, cancellationToken);
        var fields = new Dictionary<string, string>();
        if (category is not null)
        {
            fields = TemplateRules.FreeValues(category, request.Fields, errors);
            var resolved = new TemplateRules.Resolved(
                assetType, site, party, !string.IsNullOrWhiteSpace(request.Priority), fields, errors.Contains("deviceId"));
            TemplateRules.CheckRequired(category, resolved, errors);
        }
        else if (site is null && !errors.Contains("deviceId"))
        {
            // No template to go by: still say what every order needs, so one answer lists every problem.
            errors.Add("site", "site is required (or give the deviceId of a registered device).");
        }

        var fieldsJson = IntakeJson.Fields(fields);
        if (fieldsJson is { Length: > 4000 })
        {
            errors.Add("fields", $"fields must add up to at most 4000 characters of JSON (they have {fieldsJson.Length}).");
        }

        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        var draft = new WorkOrderDraft(source!.Value, category!.Code, title!, description, priority, deviceId, assetType, site, key)
        {
            Party = party,
            TemplateFieldsJson = fieldsJson,
            AllowDuplicate = request.AllowDuplicate,
        };
        var opened = await OpenAsync(draft, actor ?? source.Value.ToString().ToLowerInvariant(), null, cancellationToken);
        var linkedTo = opened.LinkedToNumber;
        if (linkedTo is null && opened.Order.DuplicateOfId is { } originalId)
        {
            linkedTo = await db.WorkOrders.AsNoTracking().Where(w => w.Id == originalId).Select(w => w.Number).FirstOrDefaultAsync(cancellationToken);
        }

        return new(WorkOrderView.From(opened.Order, linkedTo), opened.Created, errors.ToDictionary());
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
            CategoryCodes.PreventiveMaintenance,
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
        await using (var db = contexts.CreateDbContext())
        {
            draft = draft with { Party = await PartyLookup.FromSiteAsync(db, site, cancellationToken) };
        }

        var opened = await OpenAsync(draft, "prediction", request.DetectedAt.ToUniversalTime(), cancellationToken);
        return new OpenedWorkOrder(opened.Order.Id, opened.Order.Number, opened.Order.AssigneeId, opened.Created);
    }

    /// <summary>The active category named by <paramref name="code"/>, or a message listing the active codes.</summary>
    private static async Task<Catalog.Category?> ResolveCategoryAsync(
        Persistence.MaintenanceDbContext db, string? code, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var category = await CategoryCatalog.FindAsync(db, code, cancellationToken);
        if (category is { Active: true })
        {
            return category;
        }

        var active = await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);
        var list = string.Join(", ", active);
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add("category", $"category is required: one of {list}.");
        }
        else if (category is null)
        {
            errors.Add("category", $"category must be one of {list}; '{code.Trim()}' is not.");
        }
        else
        {
            errors.Add("category", $"category '{category.Code}' is no longer in use; use one of {list}.");
        }

        return null;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
