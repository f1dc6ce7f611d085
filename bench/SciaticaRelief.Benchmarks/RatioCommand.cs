using System.Globalization;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// `ratio write|dashboard|fhir`: the same cases as the BenchmarkDotNet classes, in one process, run in
/// alternating rounds (baseline, app, ..., then the reverse order) so a noisy neighbour slows both
/// sides of a round alike. Prints each side's median operations a second and the median of the
/// per-round throughput ratios. A cross-check for BenchmarkDotNet on a shared machine, where each
/// case runs in its own process minutes apart. `--only NAME` loops one case (for a profiler);
/// `--prototypes` adds the x-* cases: experiments and prototypes of src changes (see the README).
/// </summary>
public static class RatioCommand
{
    private const string Usage = "usage: ratio write|dashboard|fhir [--rounds 11] [--round-ms 500] [--only NAME] [--prototypes]";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rounds = 11;
        var roundMs = 500;
        string? only = null;
        var prototypes = false;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rounds" when value is not null: rounds = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--round-ms" when value is not null: roundMs = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--only" when value is not null: only = value; i++; break;
                case "--prototypes": prototypes = true; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        List<Case> cases;
        Func<Task> cleanup;
        switch (args.FirstOrDefault())
        {
            case "write":
                var write = new CheckInWriteBenchmarks();
                await write.SetupAsync();
                cases =
                [
                    new("raw", () => { write.RawPreparedInsert(); return Task.CompletedTask; }, null),
                    new("app", write.AppCreateAsync, 0.7),
                    new("ef-save-only", write.EfSaveChangesOnly, null),
                ];
                cleanup = write.CleanupAsync;
                if (prototypes)
                {
                    await write.EnablePrototypesAsync();
                    cases.AddRange(
                    [
                        new("x-app-open-once", write.AppOpenOnceAsync, null),
                        new("x-app-pragmas-once", write.AppPragmasOnceAsync, null),
                        new("x-app-pooled", write.AppPooledAsync, null),
                        new("x-app-singleton-options", write.AppSingletonOptionsAsync, null),
                    ]);
                    cleanup = async () => { await write.DisablePrototypesAsync(); await write.CleanupAsync(); };
                }
                break;
            case "dashboard":
                var dashboard = new DashboardQueryBenchmarks();
                await dashboard.SetupAsync();
                cases =
                [
                    new("hand", dashboard.HandReader, null),
                    new("ef-daily-means", dashboard.EfDailyMeans, 0.8),
                    new("get-async", dashboard.FullGetAsync, null),
                ];
                cleanup = dashboard.CleanupAsync;
                if (prototypes)
                {
                    await dashboard.EnablePrototypesAsync();
                    cases.AddRange(
                    [
                        new("x-ef-pragmas-once", dashboard.EfProjectionPragmasOnce, null),
                        new("x-get-pragmas-once", dashboard.FullGetAsyncPragmasOnce, null),
                        new("x-get-open-once", dashboard.FullGetAsyncOpenOnce, null),
                        new("x-ef-pooled", dashboard.EfProjectionPooled, null),
                        new("x-get-pooled", dashboard.FullGetAsyncPooled, null),
                        new("x-hand-1-day", dashboard.HandOneDay, null),
                        new("x-ef-1-day", dashboard.EfOneDay, null),
                    ]);
                    cleanup = async () => { await dashboard.DisablePrototypesAsync(); await dashboard.CleanupAsync(); };
                }
                break;
            case "fhir":
                var fhir = new FhirExportBenchmarks();
                fhir.Setup();
                cases =
                [
                    new("flat-json", fhir.FlatJsonAsync, null),
                    new("fhir-bundle", fhir.FhirBundleAsync, 0.25),
                    new("x-firely-rest-only", () => { fhir.FirelyRestOnly(); return Task.CompletedTask; }, null),
                    new("x-instants-only", () => { fhir.InstantsOnly(); return Task.CompletedTask; }, null),
                ];
                cleanup = () => Task.CompletedTask;
                break;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }

        try
        {
            if (only is not null)
            {
                var single = cases.Single(c => c.Name == only);
                var rate = await RunForAsync(single.Run, TimeSpan.FromMilliseconds(roundMs * rounds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{single.Name}: {rate:0.0} op/s"));
                return 0;
            }
            foreach (var c in cases)
            {
                await RunForAsync(c.Run, TimeSpan.FromMilliseconds(roundMs)); // warm-up: JIT tiers, EF query cache, pool
            }
            var rates = cases.ToDictionary(c => c.Name, _ => new List<double>());
            for (var r = 0; r < rounds; r++)
            {
                var order = r % 2 == 0 ? cases : [.. Enumerable.Reverse(cases)];
                foreach (var c in order)
                {
                    rates[c.Name].Add(await RunForAsync(c.Run, TimeSpan.FromMilliseconds(roundMs)));
                }
            }
            var baseline = cases[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{args[0]}: {rounds} alternating rounds of {roundMs} ms a case, one process; baseline {baseline.Name}"));
            foreach (var c in cases)
            {
                var ratios = rates[c.Name].Zip(rates[baseline.Name], (x, b) => x / b).ToList();
                var target = c.Target is { } t ? string.Create(CultureInfo.InvariantCulture, $"target >= {t:0.00}: {(Median(ratios) >= t ? "met" : "MISSED")}") : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.Name,-24} median {Median(rates[c.Name]),9:0.0} op/s   throughput/baseline median {Median(ratios):0.00} (min {ratios.Min():0.00}, max {ratios.Max():0.00})   {target}"));
            }
            return 0;
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task<double> RunForAsync(Func<Task> run, TimeSpan length)
    {
        var started = TimeProvider.System.GetTimestamp();
        var count = 0;
        TimeSpan elapsed;
        do
        {
            await run();
            count++;
            elapsed = TimeProvider.System.GetElapsedTime(started);
        }
        while (elapsed < length);
        return count / elapsed.TotalSeconds;
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private sealed record Case(string Name, Func<Task> Run, double? Target);
}
