using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Intake;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Intake;

[Collection(DatabaseCollection.Name)]
public sealed class WorkOrderImportTests(PostgresServer postgres)
{
    // Line 1 header; 2 good (symptoms is the repair template's free field); 3 unknown category and no title;
    // 4-5 good, with a quoted two-line description; 6 a duplicate of line 2 (same device, same category); 7 blank;
    // 8 an unknown priority and no asset.
    private const string Csv = """
        idempotencyKey,category,title,deviceId,site,priority,description,symptoms
        crm-1,repair,Pump leaking,pump-17,,High,,water under the seal
        crm-2,Fixing,,,plant-north,,,
        crm-3,complaint,Too loud,,plant-north,,"Neighbours say
        it hums at night",
        crm-4,repair,Still leaking,pump-17,,,,
        
        crm-5,repair,Broken,,plant-north,Critical,,
        """;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreatesTheGoodRows_AndReportsTheBadOnesByLineAndColumn(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", "pump", "plant-north", "Hall A"));
        var import = store.Services.GetRequiredService<WorkOrderImport>();

        var summary = (await import.ImportAsync(Csv)).Summary!;

        Assert.Equal((5, 2, 1, 0, 2), (summary.Rows, summary.Created, summary.Linked, summary.Existing, summary.Rejected));
        Assert.Equal(
            [(2, "created"), (3, "rejected"), (4, "created"), (6, "linked"), (8, "rejected")],
            summary.Results.Select(r => (r.Line, r.Outcome)));
        Assert.Equal(
            [
                new ImportProblem(3, "category", "category must be one of complaint, consultation, inspection, installation, preventive-maintenance, repair; 'Fixing' is not."),
                new ImportProblem(3, "title", "title is required."),
                new ImportProblem(8, "priority", "priority must be one of Low, Medium, High, Urgent; 'Critical' is not."),
                new ImportProblem(8, "assetType", "assetType is required for Repair orders (or give the deviceId of a registered device)."),
            ],
            summary.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column == "category" || p.Column == "priority" ? 0 : 1));
        Assert.Equal(summary.Results[0].Number, summary.Results[3].DuplicateOfNumber);
        var opened = await store.WorkOrders.QueryAsync(new WorkOrderQuery(Source: WorkOrderSource.Import));
        Assert.Equal(3, opened.Total);
        var complaint = opened.Items.Single(o => o.Category == "complaint");
        Assert.Equal("Neighbours say\nit hums at night", complaint.Description);
        var leak = opened.Items.Single(o => o.Number == summary.Results[0].Number);
        Assert.Equal((WorkOrderPriority.High, "water under the seal"), (leak.Priority, leak.Fields!["symptoms"]));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpensNothingTwice_WhenTheSameFileIsSentAgain(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", "pump", "plant-north", "Hall A"));
        var import = store.Services.GetRequiredService<WorkOrderImport>();
        await import.ImportAsync(Csv);

        var again = (await import.ImportAsync(Csv)).Summary!;

        Assert.Equal((0, 0, 3, 2), (again.Created, again.Linked, again.Existing, again.Rejected));
        await using var db = store.CreateDbContext();
        Assert.Equal(3, await db.WorkOrders.CountAsync());
    }

    [Fact]
    public async Task RefusesTheWholeFile_WhenTheHeaderLacksRequiredColumnsOrNamesASource()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var import = store.Services.GetRequiredService<WorkOrderImport>();

        var result = await import.ImportAsync("source,title,site\nPhone,Leak,plant-north\n");

        Assert.Null(result.Summary);
        Assert.Equal(["imported orders always have the source Import; remove the source column."], result.Errors["source"]);
        Assert.Equal(["the header row must name at least the columns category and title; it has source, title, site."], result.Errors["header"]);
    }

    [Fact]
    public void ParsesQuotedFields_KeepingTheLineEachRowStartsOn()
    {
        var table = CsvTable.Parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,\n");

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal([2, 5], table.Rows.Select(r => r.Line));
        Assert.Equal(["x, \"y\"", "two\nlines"], table.Rows[0].Fields);
        Assert.Equal(["last", ""], table.Rows[1].Fields);
    }
}
