using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.DeadLetters;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.DeadLetters;

[Collection(DatabaseCollection.Name)]
public sealed class DeadLetterTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeepsAtMost64KiB_WithoutSplittingACharacter()
    {
        // 'é' is two bytes: 40,000 of them straddle the limit in the middle of one.
        var payload = Encoding.UTF8.GetBytes(new string('é', 40_000));

        var letter = DeadLetter.Create(At, "pdm/v1/pump-1/telemetry", "pump-1", DeadLetterReasons.Oversized, "80000 bytes", payload);

        Assert.Equal(new string('é', 32_768), letter.Payload);
        Assert.Equal(DeadLetter.MaxPayloadBytes, Encoding.UTF8.GetByteCount(letter.Payload));
    }

    [Fact]
    public void KeepsBinaryPayloads_AsStorableText()
    {
        var letter = DeadLetter.Create(At, "pdm/v1/pump-1/telemetry", null, DeadLetterReasons.BadJson, "not JSON", [0x7B, 0x00, 0xFF, 0x7D]);

        Assert.Equal("{\uFFFD\uFFFD}", letter.Payload);
    }

    [Fact]
    public void CutsOverlongTopicAndDetail_SoStoringNeverFails()
    {
        var letter = DeadLetter.Create(At, new string('t', 300), new string('d', 300), DeadLetterReasons.UnknownDevice, new string('x', 5000), []);

        Assert.Equal((256, 256, 4000), (letter.Topic.Length, letter.DeviceId!.Length, letter.Detail.Length));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DeadLetters_AreStoredWithIncreasingIds(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await using (var db = store.CreateDbContext())
        {
            db.DeadLetters.Add(DeadLetter.Create(At, "pdm/v1/a/telemetry", "a", DeadLetterReasons.MissingField, "no seq", "{}"u8));
            db.DeadLetters.Add(DeadLetter.Create(At, "pdm/v1/b/telemetry", "b", DeadLetterReasons.FutureTimestamp, "ts in 2099", [0x00]));
            await db.SaveChangesAsync();
        }

        await using var read = store.CreateDbContext();
        var letters = await read.DeadLetters.OrderBy(d => d.Id).ToListAsync();

        Assert.Equal([DeadLetterReasons.MissingField, DeadLetterReasons.FutureTimestamp], letters.Select(d => d.Reason));
        Assert.True(letters[0].Id < letters[1].Id);
        Assert.Equal("\uFFFD", letters[1].Payload);
    }
}
