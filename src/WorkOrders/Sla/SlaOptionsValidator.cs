using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Every target positive, resolution no sooner than response; failures name the key, e.g. <c>Sla:High:Resolution</c>.</summary>
internal sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var failures = new List<string>();
        foreach (var priority in Enum.GetValues<WorkOrderPriority>())
        {
            var target = options.For(priority);
            var key = $"{SlaOptions.Section}:{priority}";
            if (target.Response <= TimeSpan.Zero)
            {
                failures.Add($"{key}:Response must be a positive duration such as 04:00:00 (it is {target.Response}).");
            }

            if (target.Arrival < TimeSpan.Zero)
            {
                failures.Add($"{key}:Arrival must not be negative (it is {target.Arrival}); it is kept between Response and Resolution.");
            }

            if (target.StallAfter is { } stall && stall <= TimeSpan.Zero)
            {
                failures.Add($"{key}:StallAfter must be a positive duration or empty (it is {stall}).");
            }

            if (target.Resolution < target.Response)
            {
                failures.Add($"{key}:Resolution ({target.Resolution}) must not be shorter than {key}:Response ({target.Response}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
