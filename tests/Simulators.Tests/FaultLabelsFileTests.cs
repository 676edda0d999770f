namespace WorkOrders.Simulators.Tests;

public class FaultLabelsFileTests
{
    private static readonly FaultLabel Repaired = new(
        "p-01", FaultKinds.BearingWear,
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero),
        RepairedAt: new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Csv_HasOneRowPerFault_WithUtcTimes()
    {
        var csv = FaultLabelsFile.ToCsv([Repaired]);

        Assert.Equal(
            "device_id,fault_kind,channel,began_at,detectable_at,failed_at,repaired_at,failed\n" +
            "p-01,bearing_wear,,2025-01-01T00:00:00.000Z,2025-01-01T02:00:00.000Z,2025-01-02T00:00:00.000Z,2025-01-01T12:00:00.000Z,false\n",
            csv);
    }

    [Fact]
    public async Task WriteAsync_ChoosesJson_ByTheExtension()
    {
        var path = Path.Combine(Path.GetTempPath(), $"labels-{Guid.NewGuid():N}.json");
        try
        {
            await FaultLabelsFile.WriteAsync(path, [Repaired]);

            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("bearing_wear", row.GetProperty("faultKind").GetString());
            Assert.Equal("2025-01-01T02:00:00.000Z", row.GetProperty("detectableAt").GetString());
            Assert.False(row.GetProperty("failed").GetBoolean());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
