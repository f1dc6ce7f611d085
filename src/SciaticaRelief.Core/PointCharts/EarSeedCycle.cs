using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.PointCharts;

/// <summary>Which ear next, and whether the skin should rest first.</summary>
/// <param name="Ear">The ear to use next: the other one from the last application (alternate ears).</param>
/// <param name="RestUntilUtc">When the skin has rested the shortest rest, if the last seeds came off less than that ago; null when seeds may go on now.</param>
/// <param name="StillOn">The last seeds are still on.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record EarSuggestion(Ear Ear, DateTime? RestUntilUtc, bool StillOn, string Reason);

/// <summary>
/// The ear-seed wear cycle (CLINICAL.md section 5 [P]): press 2-3 times a day for 1-3 minutes, take
/// off within 5 days, rest the skin 1-2 days, alternate ears. The suggestion is the other ear from
/// the last application; while the last seeds are still on, or came off less than the shortest
/// rest ago, it says so.
/// </summary>
public static class EarSeedCycle
{
    public const string Source = "Common advice on ear seeds from secondary sources: wear them up to 5 days, then rest the skin 1-2 days; press 1-3 min 2-3 times a day; alternate ears [P]. A study kept seeds on for 7 days (Yeh et al., Evid Based Complement Alternat Med 2012, doi:10.1155/2012/383257)";

    public static readonly TimeSpan ShortestRest = TimeSpan.FromDays(1);

    public static IReadOnlyList<string> Steps { get; } =
    [
        "Clean the ear with water or an alcohol wipe and let it dry.",
        "Find the points on the chart; press gently with a blunt tip to find the slightly tender spot.",
        "Put one seed on its tape over each point and press the tape flat.",
        "Press each seed for 1 to 3 minutes, 2 or 3 times a day, enough to feel it but never sharp pain.",
        "Take the seeds off within 5 days, then let the skin rest for 1 or 2 days.",
        "Next time use the other ear.",
    ];

    /// <summary>The ear-seeds modality of the catalogue.</summary>
    public const string ModalityId = "ear-seeds";

    /// <summary>
    /// The ear points to place seeds on for a Person: the ear points of the chart filtered by
    /// <see cref="CareSafety.ForPoint"/>, with the ear-seeds modality's verdict: its precautions are
    /// said once, and its refusal hides every point.
    /// </summary>
    public static PointChart Chart(PointCatalog points, ModalityCatalog modalities, HealthCondition conditions)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(modalities);
        var modality = modalities.Find(ModalityId) is { } m ? CareSafety.ForModality(m, conditions) : null;
        return PointChart.Of(points.Ear, conditions, modality);
    }

    public static EarSuggestion Suggest(EarSeedApplication? last, DateTime nowUtc)
    {
        if (last is null)
        {
            return new EarSuggestion(Ear.Left, null, false, "No seeds recorded yet: start with either ear.");
        }
        var other = last.Ear == Ear.Left ? Ear.Right : Ear.Left;
        if (last.RemovedAtUtc is null)
        {
            return new EarSuggestion(other, null, true,
                $"Seeds are on the {Name(last.Ear)} ear now: when they come off, use the {Name(other)} ear next.");
        }
        var restEnds = last.RemovedAtUtc.Value + ShortestRest;
        return restEnds > nowUtc
            ? new EarSuggestion(other, restEnds, false, $"The last seeds were on the {Name(last.Ear)} ear: use the {Name(other)} ear next, after letting the skin rest for a day.")
            : new EarSuggestion(other, null, false, $"The last seeds were on the {Name(last.Ear)} ear: use the {Name(other)} ear next.");
    }

    private static string Name(Ear ear) => ear == Ear.Left ? "left" : "right";
}
