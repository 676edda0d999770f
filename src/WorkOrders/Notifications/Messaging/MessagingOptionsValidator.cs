using MailKit.Security;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>Stops start-up with the key's name when the e-mail or SMS sender is misconfigured.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<EmailOptions>, IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var kind = Parse(options.Sender, $"{EmailOptions.Section}:Sender", [SenderKind.Smtp, SenderKind.File, SenderKind.None], failures);
        if (kind == SenderKind.File && string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{EmailOptions.Section}:Directory is required when {EmailOptions.Section}:Sender is 'File'.");
        }

        if (kind == SenderKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Host is required when {EmailOptions.Section}:Sender is 'Smtp'.");
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Port must be 1 to 65535, not {options.Smtp.Port}.");
            }

            if (!Enum.TryParse<SecureSocketOptions>(options.Smtp.Security, ignoreCase: true, out _))
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Security must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect, not '{options.Smtp.Security}'.");
            }

            if (options.Smtp.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"{EmailOptions.Section}:Smtp:Timeout must be positive.");
            }
        }

        if (kind != SenderKind.None && !MimeKit.MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"{EmailOptions.Section}:From must be an e-mail address, not '{options.From}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var kind = Parse(options.Sender, $"{SmsOptions.Section}:Sender", [SenderKind.File, SenderKind.None], failures);
        if (kind == SenderKind.File && string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{SmsOptions.Section}:Directory is required when {SmsOptions.Section}:Sender is 'File'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The sender a value names, or null (with a failure) when it is not one of <paramref name="allowed"/>.</summary>
    public static SenderKind? Parse(string? value, string key, IReadOnlyList<SenderKind> allowed, List<string>? failures = null)
    {
        if (Enum.TryParse<SenderKind>(value, ignoreCase: true, out var kind) && !int.TryParse(value, out _) && allowed.Contains(kind))
        {
            return kind;
        }

        failures?.Add($"{key} must be one of {string.Join(", ", allowed)}, not '{value}'.");
        return null;
    }
}
