using BenchmarkDotNet.Running;
using WorkOrders.Benchmarks.EndToEnd;
using WorkOrders.Benchmarks.Ingest;
using WorkOrders.Benchmarks.Quality;
using WorkOrders.Benchmarks.Rul;

// One verb per harness:
//   bench [BenchmarkDotNet arguments]   the micro-benchmarks, e.g. `-- bench --filter '*Ingest*' --job short`
//   e2e --devices N --seconds S [...]   the load harness: broker ceiling vs. the whole platform (docs/benchmarks.md)
//   dispatch [--orders N ...]           greedy vs OR-Tools batch planning of preventive orders (docs/benchmarks.md)
//   quality [...]                       detection quality per detector version on labeled simulated fleets
//   rul [--seed N] [--units N]          remaining-useful-life model vs naive baselines on a simulated run-to-failure fleet
//   memory [--devices N] [--samples S]  heap per device grain component, without a silo (docs/benchmarks.md)
return args.FirstOrDefault() switch
{
    "bench" => Bench(args[1..]),
    "e2e" => await E2eCommand.RunAsync(args[1..]),
    "dispatch" => await WorkOrders.Benchmarks.Dispatch.DispatchCommand.RunAsync(args[1..]),
    "quality" => QualityCommand.Run(args[1..]),
    "rul" => RulBenchmark.Run(args[1..]),
    "memory" => WorkOrders.Benchmarks.Memory.MemoryProbe.Run(args[1..]),
    _ => Usage(),
};

static int Bench(string[] rest)
{
    // Not typeof(Program): the Api (referenced for e2e) has a public Program of its own.
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(TelemetryValidatorBenchmarks).Assembly).Run(rest);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: WorkOrders.Benchmarks <verb> [arguments]");
    Console.Error.WriteLine("  bench [BenchmarkDotNet arguments]   run the BenchmarkDotNet micro-benchmarks");
    Console.Error.WriteLine(E2eOptions.Usage);
    Console.Error.WriteLine(WorkOrders.Benchmarks.Dispatch.DispatchBenchOptions.Usage);
    Console.Error.WriteLine(QualityOptions.Usage);
    Console.Error.WriteLine(RulBenchmark.Usage);
    Console.Error.WriteLine(WorkOrders.Benchmarks.Memory.MemoryProbe.Usage);
    return 1;
}
