using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WorkOrders.Contracts.Configuration;

public static class OptionsBuilderExtensions
{
    /// <summary>
    /// Binds the options to <paramref name="section"/>, validates their data annotations with messages that name
    /// each offending key, and does so at start-up.
    /// </summary>
    public static OptionsBuilder<TOptions> BindValidatedSection<TOptions>(
        this OptionsBuilder<TOptions> builder, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Bind(configuration.GetSection(section));
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new KeyNamingOptionsValidator<TOptions>(builder.Name, section));
        return builder.ValidateOnStart();
    }
}
