using BenchmarkDotNet.Running;
using SciaticaRelief.Benchmarks;

// `seed`, `explain` and `ratio` are tools for the load script and for investigation; anything else goes to
// BenchmarkDotNet (e.g. --filter '*', --list flat).
return args.FirstOrDefault() switch
{
    "seed" => await SeedCommand.RunAsync(args[1..]),
    "explain" => await ExplainCommand.RunAsync(args[1..]),
    "ratio" => await RatioCommand.RunAsync(args[1..]),
    "import" => await CsvImportBenchmarks.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchHost).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
