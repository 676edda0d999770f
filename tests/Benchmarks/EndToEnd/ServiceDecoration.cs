using Microsoft.Extensions.DependencyInjection;

namespace WorkOrders.Benchmarks.EndToEnd;

internal static class ServiceDecoration
{
    /// <summary>Wraps the last registration of <typeparamref name="TService"/>, keeping its lifetime.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var index = services.Select((d, i) => (d, i)).Last(x => x.d.ServiceType == typeof(TService) && !x.d.IsKeyedService).i;
        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), provider => decorate(Create<TService>(original, provider), provider), original.Lifetime);
        return services;
    }

    /// <summary>Wraps the last keyed registration of <typeparamref name="TService"/> under <paramref name="key"/>, keeping its lifetime.</summary>
    public static IServiceCollection DecorateKeyed<TService>(this IServiceCollection services, object key, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var index = services.Select((d, i) => (d, i)).Last(x => x.d.ServiceType == typeof(TService) && x.d.IsKeyedService && Equals(x.d.ServiceKey, key)).i;
        var original = services[index];
        services[index] = ServiceDescriptor.DescribeKeyed(typeof(TService), key, (provider, k) => decorate(CreateKeyed<TService>(original, provider, k), provider), original.Lifetime);
        return services;
    }

    private static TService CreateKeyed<TService>(ServiceDescriptor descriptor, IServiceProvider provider, object? key) =>
        (TService)(descriptor.KeyedImplementationInstance
            ?? descriptor.KeyedImplementationFactory?.Invoke(provider, key)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.KeyedImplementationType!));

    private static TService Create<TService>(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
