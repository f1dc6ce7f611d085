using System.Globalization;

namespace SciaticaRelief.Core.Questionnaires;

/// <summary>How item points become a total (the "rule" of a scoring file).</summary>
public enum ScoringRule
{
    /// <summary>The sum of every item's points; every item must be answered (NRS, the sciatica index).</summary>
    Sum = 0,

    /// <summary>The number of items answered yes; an item left blank counts as not ticked (Roland-Morris).</summary>
    CountOfYes = 1,

    /// <summary>
    /// Oswestry: the sum over the answered sections ÷ (the most those sections could score) × 100.
    /// Unanswered sections drop out of both; two boxes ticked in one section count as the higher.
    /// </summary>
    OswestryPercentage = 2,

    /// <summary>STarT Back: the sum of nine 0/1 items with a "distress" subscore; bands may test the subscore.</summary>
    StartBack = 3,
}

public static class ScoringRules
{
    public static string WireName(this ScoringRule rule) => rule switch
    {
        ScoringRule.Sum => "sum",
        ScoringRule.CountOfYes => "count-of-yes",
        ScoringRule.OswestryPercentage => "oswestry-percentage",
        ScoringRule.StartBack => "startback",
    };

    public static IReadOnlyList<ScoringRule> All { get; } = Enum.GetValues<ScoringRule>();

    public static bool TryParse(string? name, out ScoringRule rule)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.WireName(), name, StringComparison.Ordinal))
            {
                rule = r;
                return true;
            }
        }
        rule = default;
        return false;
    }
}

/// <summary>
/// Items scored the same way. Either <see cref="Values"/> maps each option code to its points (STarT
/// Back's agree = 1), or an answer's points are the number itself: an integer answer, a yes (1) or
/// no (0), or a choice option's ordinal value (or its code, when the code is a number).
/// </summary>
public sealed record ScoredItems(IReadOnlyList<string> LinkIds, decimal Min, decimal Max, IReadOnlyDictionary<string, decimal>? Values = null);

/// <summary>
/// A named range of the score. Bands are tried in order; the first whose value (the total, or the
/// named subscore) is at most <see cref="To"/> applies. <see cref="From"/> is the published lower
/// bound, for display: a score between two published ranges (20.5 between 0–20 and 21–40) belongs
/// to the higher band.
/// </summary>
public sealed record Band(string Id, string Label, decimal From, decimal To, string? Subscore = null);

/// <summary>A named part of the score: the sum of some items' points (STarT Back's distress subscore, items 5–9).</summary>
public sealed record Subscore(string Id, string Title, IReadOnlyList<string> LinkIds, string? Loinc = null);

/// <summary>
/// The smallest change a Person would notice as meaningful: at least <see cref="Points"/> on the
/// score's scale, or at least <see cref="Percent"/> % of the baseline, whichever is reached.
/// </summary>
public sealed record ImportantChange(decimal? Points, decimal? Percent, string? Source = null);

/// <summary>A comparison of a later score with a baseline, against the important change.</summary>
/// <param name="Difference">Later minus baseline.</param>
/// <param name="Percent">The difference as a percentage of the baseline; null when the baseline is 0.</param>
/// <param name="Important">The difference reaches the important change (either threshold).</param>
/// <param name="Better">The change is in the better direction (down, where a higher score is worse).</param>
public sealed record ChangeFromBaseline(decimal Baseline, decimal Latest, decimal Difference, decimal? Percent, bool Important, bool Better);

/// <summary>
/// How an Instrument is scored: the rule, the items and their points, the score's range and unit,
/// bands, subscores, the clinically important change and the LOINC codes. Shipped for every
/// instrument, licensed or not; it never holds item text.
/// </summary>
public sealed record ScoringDefinition
{
    public required string InstrumentId { get; init; }
    public required string Title { get; init; }

    /// <summary>The version of the instrument the scoring is for (e.g. "2.1a").</summary>
    public required string Version { get; init; }

    public required ScoringRule Rule { get; init; }

    /// <summary>True when the item text is licensed and must come from the clinic's own folder.</summary>
    public bool Licensed { get; init; }

    /// <summary>Where the scoring comes from (citation).</summary>
    public required string Source { get; init; }

    /// <summary>Licence or adaptation note shown with the instrument.</summary>
    public string? Notice { get; init; }

    public required IReadOnlyList<ScoredItems> Items { get; init; }
    public required decimal TotalMin { get; init; }
    public required decimal TotalMax { get; init; }

    /// <summary>Decimal places the score is rounded to (half away from zero).</summary>
    public int Decimals { get; init; }

    /// <summary>"%" for Oswestry, "" for points.</summary>
    public string Unit { get; init; } = "";

    /// <summary>True for every instrument here: a higher score means more pain or disability.</summary>
    public bool HigherIsWorse { get; init; } = true;

    public IReadOnlyList<Band> Bands { get; init; } = [];
    public IReadOnlyList<Subscore> Subscores { get; init; } = [];
    /// <summary>The published clinically important change; null where none is published (then no change is called important).</summary>
    public ImportantChange? ImportantChange { get; init; }
    public string? LoincPanel { get; init; }
    public string? LoincTotal { get; init; }

    public IEnumerable<string> LinkIds => Items.SelectMany(g => g.LinkIds);

    public ScoredItems? GroupOf(string linkId) => Items.FirstOrDefault(g => g.LinkIds.Contains(linkId, StringComparer.Ordinal));

    /// <summary>Bands on the total (not on a subscore), in order: the ones a chart can shade.</summary>
    public IEnumerable<Band> TotalBands => Bands.Where(b => b.Subscore is null);

    public Band? BandById(string? id) => Bands.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));

    /// <summary>The score as people read it: "32%", "35.6%", "7".</summary>
    public string Format(decimal score) => score.ToString(Decimals == 0 ? "0" : "0." + new string('#', Decimals), CultureInfo.InvariantCulture) + Unit;

    /// <summary>Compares a later score with a baseline against <see cref="ImportantChange"/>.</summary>
    public ChangeFromBaseline Compare(decimal baseline, decimal latest)
    {
        var difference = latest - baseline;
        // The decision uses the exact percentage; only the reported one is rounded.
        decimal? percent = baseline == 0 ? null : difference / baseline * 100;
        var byPoints = ImportantChange?.Points is { } p && Math.Abs(difference) >= p;
        var byPercent = ImportantChange?.Percent is { } q && percent is { } pc && Math.Abs(pc) >= q;
        var better = HigherIsWorse ? difference < 0 : difference > 0;
        return new ChangeFromBaseline(baseline, latest, difference,
            percent is { } exact ? Math.Round(exact, 1, MidpointRounding.AwayFromZero) : null,
            difference != 0 && (byPoints || byPercent), better);
    }
}
