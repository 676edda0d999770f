using System.CommandLine;

namespace WorkOrders.Cli.Model;

/// <summary>
/// <c>pdm model train|cancel|list|activate|rollback --api URL</c>: the model lifecycle through the platform's API. Bad
/// arguments end with exit code 2 and a message naming the argument; an unreachable API with 3; a training job that
/// failed with 4 and the job's error; one that was cancelled with 5.
/// </summary>
public static class ModelCommand
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    public static Command Create(CliConsole console, HttpMessageHandler? handler = null, TimeSpan? pollInterval = null, TimeProvider? clock = null)
    {
        var runner = new ModelRunner(console, handler, pollInterval ?? DefaultPollInterval, clock ?? TimeProvider.System);
        Option<string> Api() => new("--api") { Description = "The platform's base URL, e.g. http://localhost:5000 (default: $PDM_API)" };

        var trainApi = Api();
        var assetType = new Option<string>("--asset-type") { Description = "Asset type to train, e.g. pump" };
        var from = new Option<string>("--from") { Description = "Start of the training history (ISO-8601, e.g. 2026-11-01T00:00:00Z)" };
        var to = new Option<string>("--to") { Description = "End of the training history (exclusive)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the queued job's id and exit instead of following the job to its end" };
        var train = new Command("train", "Queue a training job (stored history and recorded outcomes → a candidate version) and follow its progress; prints the version") { trainApi, assetType, from, to, noWait };
        train.SetAction((parse, ct) => runner.TrainAsync(
            parse.GetValue(trainApi), parse.GetValue(assetType), parse.GetValue(from), parse.GetValue(to), parse.GetValue(noWait),
            parse.InvocationConfiguration.Output, ct));

        var listApi = Api();
        var listAssetType = new Option<string>("--asset-type") { Description = "Only this asset type's versions" };
        var list = new Command("list", "List model versions with status and holdout metrics (stdout)") { listApi, listAssetType };
        list.SetAction((parse, ct) => runner.ListAsync(parse.GetValue(listApi), parse.GetValue(listAssetType), parse.InvocationConfiguration.Output, ct));

        var activateApi = Api();
        var id = new Argument<string>("ID") { Description = "The version's id (from 'pdm model list')", Arity = ArgumentArity.ZeroOrOne };
        var actor = new Option<string>("--actor") { Description = "Who activates it (recorded)" };
        var activate = new Command("activate", "Make a version the active one of its asset type (grains pick it up without a restart)") { id, activateApi, actor };
        activate.SetAction((parse, ct) => runner.ActivateAsync(parse.GetValue(activateApi), parse.GetValue(id), parse.GetValue(actor), parse.InvocationConfiguration.Output, ct));

        var rollbackApi = Api();
        var rollbackAssetType = new Argument<string>("ASSET_TYPE") { Description = "The asset type to roll back one step", Arity = ArgumentArity.ZeroOrOne };
        var rollbackActor = new Option<string>("--actor") { Description = "Who rolls back (recorded)" };
        var rollback = new Command("rollback", "Re-activate the version the active one replaced") { rollbackAssetType, rollbackApi, rollbackActor };
        rollback.SetAction((parse, ct) => runner.RollbackAsync(
            parse.GetValue(rollbackApi), parse.GetValue(rollbackAssetType), parse.GetValue(rollbackActor), parse.InvocationConfiguration.Output, ct));

        var cancelApi = Api();
        var jobId = new Argument<string>("JOB_ID") { Description = "The training job's id (printed by 'pdm model train')", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string>("--reason") { Description = "Why (shown in the job's stage)" };
        var cancel = new Command("cancel", "Cancel a queued or running training job; a running one stops at its next heartbeat and stores no version") { jobId, cancelApi, reason };
        cancel.SetAction((parse, ct) => runner.CancelAsync(parse.GetValue(cancelApi), parse.GetValue(jobId), parse.GetValue(reason), parse.InvocationConfiguration.Output, ct));

        return new Command("model", "Model versions on a running platform: train, cancel, list, activate, rollback") { train, cancel, list, activate, rollback };
    }
}
