using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// A short job (1 launch, 3 warm-ups, 10 iterations: a few minutes a class on two shared cores), run
/// in the benchmark process itself: every case of a run shares one process, and nothing is rebuilt
/// from src/ mid-run (the default toolchain builds a new project per run, which fails while someone
/// is half-way through an edit in src/); `dotnet run -c Release` has built and optimised it already.
/// Columns: allocations, median, operations a second, and each case's throughput as a fraction of its
/// class's baseline beside its target. Ratios, not absolute times: the machine is noisy, the baseline runs in the same run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BenchConfigAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short10InProcess"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond, new ThroughputVsBaselineColumn(), new TargetColumn());
}

/// <summary>The fraction of the baseline's throughput a benchmark must reach (a note in the table, not a gate).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThroughputTargetAttribute(double fraction) : Attribute
{
    public double Fraction { get; } = fraction;
}

/// <summary>
/// Baseline median time over this case's median time: 1 is as fast as the baseline. Medians, as a
/// noisy neighbour's bursts land in a few iterations and drag a mean.
/// </summary>
public sealed class ThroughputVsBaselineColumn : IColumn
{
    public string Id => nameof(ThroughputVsBaselineColumn);
    public string ColumnName => "Thrpt/base";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Throughput as a fraction of the baseline's (baseline median / this median)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Of(summary, benchmarkCase) is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public static double? Of(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var baseMedian = baseline is null ? null : summary[baseline]?.ResultStatistics?.Median;
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return baseMedian is { } b && median is { } m && m > 0 ? b / m : null;
    }
}

/// <summary>The case's target and whether this run met it.</summary>
public sealed class TargetColumn : IColumn
{
    public string Id => nameof(TargetColumn);
    public string ColumnName => "Target";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "The throughput fraction of the baseline this case should reach, and whether it did";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var target = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputTargetAttribute>();
        if (target is null)
        {
            return "-";
        }
        var ratio = ThroughputVsBaselineColumn.Of(summary, benchmarkCase);
        var verdict = ratio is null ? "?" : ratio >= target.Fraction ? "met" : "MISSED";
        return string.Create(CultureInfo.InvariantCulture, $">= {target.Fraction:0.00} {verdict}");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
}
