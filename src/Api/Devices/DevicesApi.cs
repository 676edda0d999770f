using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Contracts.Devices;
using WorkOrders.Grains.Devices;
using WorkOrders.Maintenance.Devices;

namespace WorkOrders.Api.Devices;

public static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/devices").WithTags("Devices");
        api.MapGet("/", ListAsync).WithSummary("Every registered device with its latest readings, anomaly score and open episode.");
        api.MapGet("/{deviceId}", GetAsync).WithSummary("One device with its latest readings, anomaly score and open episode.");
        api.MapPost("/", RegisterAsync).WithSummary("Registers a device (id, asset type, site, location); telemetry from unregistered devices is dead-lettered.");
        api.MapPost("/{deviceId}/rebaseline", RebaselineAsync).WithSummary("After maintenance: the detector relearns the device's normal level.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<DeviceView>>> ListAsync(FleetQueries fleet, CancellationToken cancellationToken) =>
        TypedResults.Ok(await fleet.ListAsync(cancellationToken));

    public static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> GetAsync(
        string deviceId, FleetQueries fleet, CancellationToken cancellationToken) =>
        await fleet.FindAsync(deviceId, cancellationToken) is { } device
            ? TypedResults.Ok(device)
            : NotRegistered(deviceId);

    public static async Task<Results<Created<RegisteredDevice>, Ok<RegisteredDevice>, ValidationProblem>> RegisterAsync(
        DeviceRegistration registration, DeviceRegistry registry, CancellationToken cancellationToken)
    {
        var result = await registry.RegisterAsync(registration, cancellationToken);
        if (result.Device is not { } device)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The device registration is not valid.");
        }

        return result.Created
            ? TypedResults.Created($"/api/devices/{Uri.EscapeDataString(device.DeviceId)}", device)
            : TypedResults.Ok(device);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RebaselineAsync(
        string deviceId, DeviceRegistry registry, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!await registry.IsRegisteredAsync(deviceId, cancellationToken))
        {
            return NotRegistered(deviceId);
        }

        await grains.GetGrain<IDeviceGrain>(deviceId).RebaselineAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotRegistered(string deviceId) => TypedResults.Problem(
        title: "Device not found",
        detail: $"No device '{deviceId}' is registered.",
        statusCode: StatusCodes.Status404NotFound);
}
