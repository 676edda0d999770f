using WorkOrders.Maintenance.Audit;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.WorkOrders.Tests.Audit;

public sealed class AuditHashTests
{
    private static WorkOrderEvent Sample() => new()
    {
        WorkOrderId = Guid.Parse("0193a6d4-1111-7000-8000-000000000001"),
        Sequence = 4,
        At = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero),
        Type = "on_site",
        Actor = "eng-a",
        ActorRole = "Engineer",
        Note = "At the gate.",
        DataJson = """{"from":"EnRoute","to":"OnSite"}""",
        Latitude = 59.3293,
        Longitude = 18.0686,
        AccuracyMeters = 12.5,
        PreviousHash = new string('a', 64),
    };

    public static TheoryData<string> Changes => ["sequence", "at", "type", "actor", "role", "note", "note-null", "data", "latitude", "longitude", "accuracy", "previous", "order", "shift"];

    [Fact]
    public void IsTheSame_ForTheSameFields_AndIgnoresTheDatabaseId()
    {
        var a = Sample();
        var b = Sample();
        b.Id = 99;

        Assert.Equal(AuditHash.Compute(a), AuditHash.Compute(b));
        Assert.Matches("^[0-9a-f]{64}$", AuditHash.Compute(a));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changes_WhenAnyRecordedFieldChanges(string change)
    {
        var original = Sample();
        var changed = Sample();
        Action<WorkOrderEvent> edit = change switch
        {
            "sequence" => e => e.Sequence = 5,
            "at" => e => e.At = e.At.AddTicks(10),
            "type" => e => e.Type = "in_progress",
            "actor" => e => e.Actor = "eng-b",
            "role" => e => e.ActorRole = "Admin",
            "note" => e => e.Note = "At the gate!",
            "note-null" => e => e.Note = null,
            "data" => e => e.DataJson = """{"from":"EnRoute","to":"InProgress"}""",
            "latitude" => e => e.Latitude = 59.3294,
            "longitude" => e => e.Longitude = null,
            "accuracy" => e => e.AccuracyMeters = 12.6,
            "previous" => e => e.PreviousHash = new string('b', 64),
            "order" => e => e.WorkOrderId = Guid.Parse("0193a6d4-1111-7000-8000-000000000002"),
            // Moving text between adjacent fields must not collide: the fields are length-prefixed.
            "shift" => e => (e.Actor, e.ActorRole) = ("eng-aE", "ngineer"),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        edit(changed);

        Assert.NotEqual(AuditHash.Compute(original), AuditHash.Compute(changed));
    }

    [Fact]
    public void CutsTimesToMicroseconds_ThePrecisionBothDatabasesKeep()
    {
        var at = new DateTimeOffset(2026, 3, 14, 10, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);

        var normalized = AuditHash.Normalize(at);

        Assert.Equal(TimeSpan.Zero, normalized.Offset);
        Assert.Equal(at.UtcTicks - 7, normalized.UtcTicks);
    }
}
