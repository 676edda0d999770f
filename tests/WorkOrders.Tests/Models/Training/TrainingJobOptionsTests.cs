using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Models.Training;

namespace WorkOrders.WorkOrders.Tests.Models.Training;

public sealed class TrainingJobOptionsTests
{
    [Fact]
    public void ABadLease_IsRefused_WithTheKeysName()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Models:TrainingJobs:Lease"] = "00:00:01" })
            .Build();
        using var services = new ServiceCollection().AddTrainingJobs(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrainingJobOptions>>().Value);

        Assert.Equal("Models:TrainingJobs:Lease: must be between 00:00:15 and 01:00:00.", Assert.Single(error.Failures));
    }
}
