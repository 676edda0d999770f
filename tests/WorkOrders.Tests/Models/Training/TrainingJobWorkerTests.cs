using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Models.Training;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Models.Training;

/// <summary>The training-job store and worker on real databases, with one fake clock and scripted training.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TrainingJobWorkerTests(PostgresServer postgres)
{
    private static readonly TrainingJobOptions Options = new() { Lease = TimeSpan.FromMinutes(2), PollInterval = TimeSpan.FromSeconds(5), MaxAttempts = 3 };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task QueuedJob_IsClaimedOnceByTwoRacingWorkers_AndSucceedsWithTheStoredVersion(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var jobs = Jobs(store);
        var runner = new ScriptedRunner(Registry(store));
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;

        var ran = await Task.WhenAll(
            Worker(store, runner, "node-a").RunOnceAsync(), Worker(store, runner, "node-b").RunOnceAsync(), Worker(store, runner, "node-c").RunOnceAsync());

        Assert.Equal(1, ran.Count(r => r));
        Assert.Equal(1, runner.Calls);
        var job = await jobs.FindAsync(queued.Id);
        var version = Assert.Single(await Registry(store).ListAsync("pump"));
        Assert.Equal((TrainingJobStatus.Succeeded, 100, version.Id, null, 1), (job!.Status, job.Percent, job.ModelVersionId, job.Error, job.Attempts));
        Assert.Equal((TestStore.Start, TestStore.Start), (job.StartedAt, job.FinishedAt));
        Assert.Equal(TrainingJobStatus.Queued, queued.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RunningJobOfACrashedWorker_IsQueuedAgainOnlyAfterItsLeaseExpires_AndTheDeadWorkerCanNoLongerWrite(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var jobs = Jobs(store);
        var runner = new ScriptedRunner(Registry(store));
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;
        // A worker claimed it and its process died: the claim is all that reached the database.
        var dead = await jobs.ClaimNextAsync("dead-node");
        var survivor = Worker(store, runner, "node-b");

        store.Clock.Advance(Options.Lease);
        var whileLeased = await survivor.RunOnceAsync();
        var stillRunning = await jobs.FindAsync(queued.Id);
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await survivor.RunOnceAsync();
        var lateWrite = await jobs.FailAsync(dead!, "the dead node woke up");

        Assert.Equal((false, true, false), (whileLeased, afterExpiry, lateWrite));
        Assert.Equal((TrainingJobStatus.Running, 1), (stillRunning!.Status, stillRunning.Attempts));
        var job = await jobs.FindAsync(queued.Id);
        Assert.Equal((TrainingJobStatus.Succeeded, 2, null), (job!.Status, job.Attempts, job.Error));
        Assert.Equal(1, runner.Calls);
        await using var db = store.CreateDbContext();
        Assert.Equal("node-b", (await db.TrainingJobs.SingleAsync()).LeaseOwner);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FailingTraining_EndsFailed_WithTheRunnersMessage(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var jobs = Jobs(store);
        var runner = new ScriptedRunner(Registry(store))
        {
            Failure = new InvalidOperationException("No stored telemetry of a 'pump' device in the training range."),
        };
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;

        var ran = await Worker(store, runner, "node-a").RunOnceAsync();
        var again = await Worker(store, runner, "node-a").RunOnceAsync();

        Assert.Equal((true, false), (ran, again));
        var job = await jobs.FindAsync(queued.Id);
        Assert.Equal(
            (TrainingJobStatus.Failed, "No stored telemetry of a 'pump' device in the training range.", (Guid?)null, (DateTimeOffset?)TestStore.Start),
            (job!.Status, job.Error, job.ModelVersionId, job.FinishedAt));
        Assert.Empty(await Registry(store).ListAsync("pump"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Enqueue_RefusesASecondUnfinishedJobOfAnAssetType_AndAcceptsOneOnceTheFirstEnded(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var jobs = Jobs(store);
        var (from, to) = (TestStore.Start.AddDays(-7), TestStore.Start);

        var first = await jobs.EnqueueAsync("pump", from, to);
        var second = await jobs.EnqueueAsync("pump", from, to);
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var otherType = await jobs.EnqueueAsync("fan", from, to);
        var claim = await jobs.ClaimNextAsync("node-a");
        var secondWhileRunning = await jobs.EnqueueAsync("pump", from, to);
        await jobs.FailAsync(claim!, "stopped by the test");
        var afterTheFirstEnded = await jobs.EnqueueAsync("pump", from, to);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(otherType);
        Assert.Equal(first.Id, claim!.Id);
        Assert.Null(secondWhileRunning);
        Assert.NotNull(afterTheFirstEnded);
    }

    [Fact]
    public async Task Heartbeat_RecordsTheRunnersProgress_AndRenewsTheLease_WhileTrainingRuns()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var jobs = Jobs(store);
        var runner = new ScriptedRunner(Registry(store)) { Progress = new("reading history (2 of 5 devices)", 20), Gate = new() };
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;
        var worker = Worker(store, runner, "node-a");

        var run = worker.RunOnceAsync();
        await runner.Started.Task;
        store.Clock.Advance(worker.HeartbeatInterval);
        await Eventually.AssertAsync(async () => (await jobs.FindAsync(queued.Id))!.Percent == 20, TimeSpan.FromSeconds(10), "the heartbeat to record 20%");
        await using (var db = store.CreateDbContext())
        {
            var row = await db.TrainingJobs.AsNoTracking().SingleAsync();
            Assert.Equal(("reading history (2 of 5 devices)", TestStore.Start + worker.HeartbeatInterval + Options.Lease), (row.Stage, row.LeaseUntil));
        }

        runner.Gate!.SetResult();
        await run;

        Assert.Equal(TrainingJobStatus.Succeeded, (await jobs.FindAsync(queued.Id))!.Status);
    }

    [Fact]
    public async Task StoppingWorker_GivesItsJobBackToTheQueue_ForTheNextWorkerToTrain()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var jobs = Jobs(store);
        var stopping = new ScriptedRunner(Registry(store)) { Gate = new() };
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;
        using var shutdown = new CancellationTokenSource();

        var run = Worker(store, stopping, "node-a").RunOnceAsync(shutdown.Token);
        await stopping.Started.Task;
        await shutdown.CancelAsync();
        var ran = await run;
        var released = await jobs.FindAsync(queued.Id);
        var next = await Worker(store, new ScriptedRunner(Registry(store)), "node-b").RunOnceAsync();

        Assert.True(ran);
        Assert.Equal((TrainingJobStatus.Queued, 1), (released!.Status, released.Attempts));
        Assert.True(next);
        Assert.Equal((TrainingJobStatus.Succeeded, 2), ((await jobs.FindAsync(queued.Id))!.Status, (await jobs.FindAsync(queued.Id))!.Attempts));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CancelledQueuedJob_IsNeverClaimed_AndTheAssetTypeCanQueueAnotherAtOnce(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var jobs = Jobs(store);
        var runner = new ScriptedRunner(Registry(store));
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;

        var cancellation = await jobs.CancelAsync(queued.Id, "wrong range");
        var ran = await Worker(store, runner, "node-a").RunOnceAsync();
        var again = await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-3), TestStore.Start);
        var secondCancel = await jobs.CancelAsync(queued.Id, null);
        var unknown = await jobs.CancelAsync(Guid.NewGuid(), null);

        Assert.True(cancellation.Cancelled);
        Assert.Equal((TrainingJobStatus.Cancelled, "cancelled: wrong range", TestStore.Start),
            (cancellation.Job!.Status, cancellation.Job.Stage, cancellation.Job.FinishedAt));
        Assert.False(ran);
        Assert.Equal(0, runner.Calls);
        Assert.NotNull(again);
        Assert.Equal((false, TrainingJobStatus.Cancelled), (secondCancel.Cancelled, secondCancel.Job!.Status));
        Assert.Null(unknown.Job);
    }

    [Fact]
    public async Task CancellingARunningJob_StopsItsTrainingAtTheNextHeartbeat_AndNoVersionIsStored()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var jobs = Jobs(store);
        var runner = new ScriptedRunner(Registry(store)) { Gate = new() };
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;
        var worker = Worker(store, runner, "node-a");

        var run = worker.RunOnceAsync();
        await runner.Started.Task;
        var cancellation = await jobs.CancelAsync(queued.Id, null);
        store.Clock.Advance(worker.HeartbeatInterval);
        var ran = await run.WaitAsync(TimeSpan.FromSeconds(30));
        var job = await jobs.FindAsync(queued.Id);
        var succeededAfterCancel = await jobs.SucceedAsync(new ClaimedTrainingJob(queued.Id, "pump", queued.From, queued.To, "node-a", 1), Guid.NewGuid());

        Assert.True(cancellation.Cancelled);
        Assert.True(ran);
        Assert.Equal((TrainingJobStatus.Cancelled, "cancelled", null), (job!.Status, job.Stage, job.ModelVersionId));
        Assert.Empty(await Registry(store).ListAsync("pump"));
        Assert.False(succeededAfterCancel);
    }

    [Fact]
    public async Task JobWhoseWorkerDiedMaxAttemptsTimes_EndsFailed_InsteadOfQueuedAgain()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var jobs = Jobs(store);
        var queued = (await jobs.EnqueueAsync("pump", TestStore.Start.AddDays(-7), TestStore.Start))!;
        for (var attempt = 1; attempt <= Options.MaxAttempts; attempt++)
        {
            Assert.NotNull(await jobs.ClaimNextAsync($"dead-{attempt}"));
            store.Clock.Advance(Options.Lease + TimeSpan.FromSeconds(1));
            await jobs.RequeueExpiredAsync();
        }

        var job = await jobs.FindAsync(queued.Id);
        Assert.Equal((TrainingJobStatus.Failed, 3), (job!.Status, job.Attempts));
        Assert.Equal("The worker training this job stopped 3 times before it finished; queue a new job.", job.Error);
    }

    private static TrainingJobStore Jobs(TestStore store) => new(
        store.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>(), store.Clock, Microsoft.Extensions.Options.Options.Create(Options));

    private static ModelRegistry Registry(TestStore store) => store.Services.GetRequiredService<ModelRegistry>();

    private static TrainingJobWorker Worker(TestStore store, ITrainingJobRunner runner, string nodeId) => new(
        Jobs(store), runner, store.Clock,
        Microsoft.Extensions.Options.Options.Create(new TrainingJobOptions { Lease = Options.Lease, PollInterval = Options.PollInterval, MaxAttempts = Options.MaxAttempts, NodeId = nodeId }),
        NullLogger<TrainingJobWorker>.Instance);
}
