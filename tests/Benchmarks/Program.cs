using BenchmarkDotNet.Running;

// One verb per harness: `bench [BenchmarkDotNet arguments]` runs the micro-benchmarks
// (e.g. `dotnet run -c Release --project tests/Benchmarks -- bench --filter '*Detector*'`).
// Add further verbs (an `e2e` load harness, …) as cases here.
return args.FirstOrDefault() switch
{
    "bench" => Bench(args[1..]),
    _ => Usage(),
};

static int Bench(string[] rest)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: WorkOrders.Benchmarks <verb> [arguments]");
    Console.Error.WriteLine("  bench [BenchmarkDotNet arguments]   run the BenchmarkDotNet micro-benchmarks");
    return 1;
}
