using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace WorkOrders.Contracts.Configuration;

/// <summary>
/// Data-annotation validation whose failures name the configuration key (<c>Ingest:Mqtt:BatchSize: …</c>),
/// so a bad setting stops start-up with a message an operator can act on.
/// </summary>
public sealed class KeyNamingOptionsValidator<TOptions>(string? name, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name1, TOptions options)
    {
        if (name is not null && name != name1)
        {
            return ValidateOptionsResult.Skip;
        }

        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(result =>
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            return string.Join("; ", members.Select(member => $"{section}:{member}: {result.ErrorMessage}"));
        }));
    }
}
