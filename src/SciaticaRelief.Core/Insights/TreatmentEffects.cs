using System.Text.Json.Serialization;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Insights;

/// <summary>A Treatment reduced to what the insights need, with its 24-hour follow-up's pain if one was given.</summary>
/// <param name="EarSeedApplicationId">Set on an ear-seed press: the application it belongs to.</param>
public sealed record TreatmentPoint(
    Guid Id,
    string ModalityId,
    TreatmentKind Kind,
    DateTime StartedAtUtc,
    string TimeZoneId,
    int? PainBefore,
    int? PainAfter,
    int? FollowUp24Pain,
    Guid? EarSeedApplicationId = null);

/// <summary>Where a next-day observation's two values came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NextDaySource>))]
public enum NextDaySource
{
    /// <summary>The treatment's pain before, and its 24-hour follow-up.</summary>
    [JsonStringEnumMemberName("follow-up")] FollowUp,

    /// <summary>The treatment day's pain and the next local day's pain, from check-ins.</summary>
    [JsonStringEnumMemberName("check-ins")] CheckIns,
}

/// <summary>One treatment day's next-day change for one modality.</summary>
/// <param name="Date">The treatment's local day.</param>
/// <param name="Start">The starting pain: the treatment's pain before (follow-up) or the day's pain (check-ins).</param>
/// <param name="Next">The 24-hour follow-up's pain, or the next local day's pain.</param>
public sealed record NextDayObservation(DateOnly Date, Guid TreatmentId, NextDaySource Source, double Start, double Next)
{
    public double Change => Next - Start;
}

/// <summary>
/// A modality's next-day changes set against the Person's untreated days that started as bad.
/// </summary>
/// <param name="Treated">Treatment days that found at least one matching untreated day.</param>
/// <param name="UntreatedDays">Distinct untreated days that matched at least one of them.</param>
/// <param name="TreatedMean">Mean next-day change of those treatment days (2 decimals); null unless <see cref="Shown"/>.</param>
/// <param name="UntreatedMean">Mean of their matched untreated baselines (2 decimals); null unless <see cref="Shown"/>.</param>
/// <param name="Difference">Treated minus untreated-matched, with its interval; counts only unless <see cref="Shown"/>.</param>
public sealed record UntreatedComparison(int Treated, int UntreatedDays, double? TreatedMean, double? UntreatedMean, Estimate Difference)
{
    /// <summary>Both sides have at least <see cref="Estimate.MinimumN"/>.</summary>
    public bool Shown => Treated >= Estimate.MinimumN && UntreatedDays >= Estimate.MinimumN;
}

/// <summary>What the Person's own rows say about one modality.</summary>
/// <param name="Treatments">Treatments of this modality in the period.</param>
/// <param name="Immediate">After − before, over treatments with both.</param>
/// <param name="NextDay">Next-day changes, one a treatment day (see <see cref="TreatmentEffects"/>).</param>
public sealed record ModalityEffect(
    string ModalityId,
    int Treatments,
    Estimate Immediate,
    Estimate NextDay,
    UntreatedComparison ComparedWithUntreated,
    ResponderShare ImmediateResponders,
    ResponderShare NextDayResponders);

/// <summary>
/// The effect of each modality on this Person's pain, defined so two people compute the same figure.
/// Negative changes mean less pain. These are associations in one person's diary, not causes.
/// </summary>
/// <remarks>
/// <para>A treatment's day is the local day of its start in the zone it was logged in; D(d) is the
/// day's pain (<see cref="DailySeries.Means"/>: the exact mean of that local day's "pain now").
/// Only treatments whose day falls in the period [from, to] count.</para>
/// <para><b>Immediate effect</b>: after − before, for every treatment with both.</para>
/// <para><b>Next-day effect</b>: one observation per modality per treatment day d (two sessions on
/// one day are one day). If a treatment of that modality on d has both its pain before and a
/// 24-hour follow-up, the earliest such one gives follow-up − before (start = before). Otherwise,
/// if d and d + 1 both have check-ins, D(d + 1) − D(d) (start = D(d)). Otherwise the day has no
/// next-day observation.</para>
/// <para><b>Untreated day</b>: a local day u in the period with at least one check-in and no
/// Treatment of any modality or kind (ear-seed presses, medicine and rest included), whose next day
/// u + 1 also has check-ins; its change is c(u) = D(u + 1) − D(u). Wearing ear seeds without
/// pressing them does not make a day treated.</para>
/// <para><b>Compared with days without it</b>: for each next-day observation with start p, its
/// matched untreated days are those with |D(u) − p| ≤ 1; an observation with none is left out. Its
/// baseline b is the mean of their c(u), and its difference is change − b. The comparison reports
/// the number of observations matched, the number of distinct untreated days used, the mean change
/// of the matched observations, the mean of their baselines, and the mean difference with its
/// t-interval (<see cref="Estimate"/>, over the differences) — shown only when both counts are at
/// least 5.</para>
/// <para><b>Responders</b>: <see cref="ImportantChange"/> from before to after (immediate), and from
/// start to next (next day).</para>
/// </remarks>
public static class TreatmentEffects
{
    /// <summary>How close an untreated day's pain must be to a treatment day's starting pain, in points.</summary>
    public const double MatchWithin = 1.0;

    private const double Tolerance = 1e-9;

    public static IReadOnlyList<ModalityEffect> Compute(
        IReadOnlyList<TreatmentPoint> treatments, IReadOnlyList<DayMean> days, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(treatments);
        ArgumentNullException.ThrowIfNull(days);
        var zones = new ZoneCache();
        return Compute([.. treatments.Select(t => (t, zones.LocalDay(t.StartedAtUtc, t.TimeZoneId)))], days, from, to);
    }

    /// <summary>As <see cref="Compute(IReadOnlyList{TreatmentPoint}, IReadOnlyList{DayMean}, DateOnly, DateOnly)"/>, with each treatment's local day already found.</summary>
    internal static IReadOnlyList<ModalityEffect> Compute(
        IReadOnlyList<(TreatmentPoint Point, DateOnly Date)> dated, IReadOnlyList<DayMean> days, DateOnly from, DateOnly to)
    {
        var pain = new Dictionary<DateOnly, double>(days.Count);
        foreach (var d in days)
        {
            pain[d.Date] = d.Pain;
        }
        var untreated = Untreated.From(days, dated.Select(t => t.Date).ToHashSet(), pain, from, to);

        return dated
            .Where(t => t.Date >= from && t.Date <= to)
            .GroupBy(t => t.Point.ModalityId, StringComparer.Ordinal)
            .Select(g => ForModality(g.Key, [.. g], pain, untreated))
            .OrderByDescending(m => m.Treatments)
            .ThenBy(m => m.ModalityId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The next-day observations of one modality, one per treatment day, oldest first.</summary>
    public static IReadOnlyList<NextDayObservation> NextDay(
        IEnumerable<(TreatmentPoint Point, DateOnly Date)> treatments, IReadOnlyDictionary<DateOnly, double> pain)
    {
        ArgumentNullException.ThrowIfNull(treatments);
        ArgumentNullException.ThrowIfNull(pain);
        // One pass over the treatments sorted by day, then start, then id (no grouping per day).
        var sorted = treatments.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byDay = a.Date.CompareTo(b.Date);
            if (byDay != 0)
            {
                return byDay;
            }
            var byStart = a.Point.StartedAtUtc.CompareTo(b.Point.StartedAtUtc);
            return byStart != 0 ? byStart : a.Point.Id.CompareTo(b.Point.Id);
        });
        var result = new List<NextDayObservation>();
        for (var i = 0; i < sorted.Length;)
        {
            var date = sorted[i].Date;
            var end = i;
            TreatmentPoint? withFollowUp = null;
            while (end < sorted.Length && sorted[end].Date == date)
            {
                var t = sorted[end].Point;
                if (withFollowUp is null && t.PainBefore is not null && t.FollowUp24Pain is not null)
                {
                    withFollowUp = t;
                }
                end++;
            }
            if (withFollowUp is not null)
            {
                result.Add(new NextDayObservation(date, withFollowUp.Id, NextDaySource.FollowUp, withFollowUp.PainBefore!.Value, withFollowUp.FollowUp24Pain!.Value));
            }
            else if (pain.TryGetValue(date, out var today) && pain.TryGetValue(date.AddDays(1), out var next))
            {
                result.Add(new NextDayObservation(date, sorted[i].Point.Id, NextDaySource.CheckIns, today, next));
            }
            i = end;
        }
        return result;
    }

    private static ModalityEffect ForModality(
        string modalityId, IReadOnlyList<(TreatmentPoint Point, DateOnly Date)> treatments,
        Dictionary<DateOnly, double> pain, Untreated untreated)
    {
        var immediate = treatments
            .Where(t => t.Point.PainBefore is not null && t.Point.PainAfter is not null)
            .Select(t => (Before: (double)t.Point.PainBefore!.Value, After: (double)t.Point.PainAfter!.Value))
            .ToList();
        var nextDay = NextDay(treatments, pain);
        return new ModalityEffect(
            modalityId,
            treatments.Count,
            Estimate.Of(immediate.Select(o => o.After - o.Before).ToList()),
            Estimate.Of(nextDay.Select(o => o.Change).ToList()),
            untreated.Compare(nextDay),
            ResponderShare.Of(immediate),
            ResponderShare.Of(nextDay.Select(o => (o.Start, o.Next))));
    }

    /// <summary>The period's untreated days sorted by their pain, with running sums of their next-day changes.</summary>
    private sealed class Untreated
    {
        private readonly double[] _pain;
        private readonly double[] _changeSums;

        private Untreated(double[] pain, double[] changeSums)
        {
            _pain = pain;
            _changeSums = changeSums;
        }

        public static Untreated From(IReadOnlyList<DayMean> days, HashSet<DateOnly> treatedDays,
            Dictionary<DateOnly, double> pain, DateOnly from, DateOnly to)
        {
            var list = new List<(double Pain, double Change)>();
            foreach (var d in days)
            {
                if (d.Date >= from && d.Date <= to && !treatedDays.Contains(d.Date) && pain.TryGetValue(d.Date.AddDays(1), out var next))
                {
                    list.Add((d.Pain, next - d.Pain));
                }
            }
            list.Sort((a, b) => a.Pain.CompareTo(b.Pain));
            var sums = new double[list.Count + 1];
            for (var i = 0; i < list.Count; i++)
            {
                sums[i + 1] = sums[i] + list[i].Change;
            }
            return new Untreated([.. list.Select(u => u.Pain)], sums);
        }

        public UntreatedComparison Compare(IReadOnlyList<NextDayObservation> observations)
        {
            var changes = new List<double>();
            var baselines = new List<double>();
            var ranges = new List<(int Lo, int Hi)>();
            foreach (var o in observations)
            {
                var lo = FirstAtLeast(o.Start - MatchWithin - Tolerance);
                var hi = FirstAtLeast(o.Start + MatchWithin + Tolerance, strictlyAbove: true);
                if (hi <= lo)
                {
                    continue;
                }
                ranges.Add((lo, hi));
                changes.Add(o.Change);
                baselines.Add((_changeSums[hi] - _changeSums[lo]) / (hi - lo));
            }
            var days = DistinctCount(ranges);
            var shown = changes.Count >= Estimate.MinimumN && days >= Estimate.MinimumN;
            var differences = changes.Select((c, i) => c - baselines[i]).ToList();
            return new UntreatedComparison(
                changes.Count,
                days,
                shown ? Estimate.Round(changes.Average()) : null,
                shown ? Estimate.Round(baselines.Average()) : null,
                shown ? Estimate.Of(differences) : new Estimate(differences.Count, null, null, null, null, null));
        }

        /// <summary>The first index whose pain is ≥ value (or &gt; value).</summary>
        private int FirstAtLeast(double value, bool strictlyAbove = false)
        {
            int lo = 0, hi = _pain.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (strictlyAbove ? _pain[mid] <= value : _pain[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int DistinctCount(List<(int Lo, int Hi)> ranges)
        {
            var count = 0;
            var end = 0;
            foreach (var (lo, hi) in ranges.OrderBy(r => r.Lo))
            {
                var start = Math.Max(lo, end);
                if (hi > start)
                {
                    count += hi - start;
                    end = hi;
                }
            }
            return count;
        }
    }
}
