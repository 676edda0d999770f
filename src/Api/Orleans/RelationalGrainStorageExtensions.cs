using Orleans.Storage;

namespace WorkOrders.Api.Orleans;

public static class RelationalGrainStorageExtensions
{
    /// <summary>Registers <see cref="RelationalGrainStorage"/> as the named grain storage provider.</summary>
    public static IServiceCollection AddRelationalGrainStorage(this IServiceCollection services, string name)
    {
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => ActivatorUtilities.CreateInstance<RelationalGrainStorage>(provider));
        return services;
    }
}
