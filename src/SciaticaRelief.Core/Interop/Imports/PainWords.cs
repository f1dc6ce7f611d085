using SciaticaRelief.Core.Journal;

namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>Other diaries' words for how pain feels and what set it off, in our terms; words we have no term for stay in the notes.</summary>
public static class PainWords
{
    private static readonly Dictionary<string, PainQuality> QualityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shooting"] = PainQuality.Shooting, ["stabbing"] = PainQuality.Shooting, ["sharp"] = PainQuality.Shooting,
        ["electric"] = PainQuality.Shooting, ["electric shock"] = PainQuality.Shooting, ["radiating"] = PainQuality.Shooting,
        ["burning"] = PainQuality.Burning, ["hot"] = PainQuality.Burning,
        ["aching"] = PainQuality.Aching, ["ache"] = PainQuality.Aching, ["dull"] = PainQuality.Aching, ["throbbing"] = PainQuality.Aching, ["cramping"] = PainQuality.Aching,
        ["numbness"] = PainQuality.Numbness, ["numb"] = PainQuality.Numbness,
        ["tingling"] = PainQuality.Tingling, ["pins and needles"] = PainQuality.Tingling, ["pins & needles"] = PainQuality.Tingling,
        ["weakness"] = PainQuality.Weakness, ["weak"] = PainQuality.Weakness,
    };

    private static readonly Dictionary<string, Trigger> TriggerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sitting"] = Trigger.Sitting, ["prolonged sitting"] = Trigger.Sitting, ["standing"] = Trigger.Standing,
        ["walking"] = Trigger.Walking, ["bending"] = Trigger.Bending, ["lifting"] = Trigger.Lifting,
        ["coughing"] = Trigger.CoughingOrSneezing, ["sneezing"] = Trigger.CoughingOrSneezing, ["driving"] = Trigger.Driving,
        ["lying down"] = Trigger.LyingDown, ["exercise"] = Trigger.Exercise, ["stress"] = Trigger.Stress,
    };

    /// <summary>The qualities named, and the words that are not ours.</summary>
    public static (PainQuality Qualities, List<string> Other) Qualities(IEnumerable<string> words)
    {
        var q = PainQuality.None;
        var other = new List<string>();
        foreach (var w in words.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            if (QualityWords.TryGetValue(w, out var found))
            {
                q |= found;
            }
            else
            {
                other.Add(w);
            }
        }
        return (q, other);
    }

    public static (Trigger Triggers, List<string> Other) TriggersOf(IEnumerable<string> words)
    {
        var t = Trigger.None;
        var other = new List<string>();
        foreach (var w in words.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            if (TriggerWords.TryGetValue(w, out var found))
            {
                t |= found;
            }
            else
            {
                other.Add(w);
            }
        }
        return (t, other);
    }

    /// <summary>The note, with the words we had no field for added on a line of their own.</summary>
    public static string? WithExtra(string? notes, string label, IReadOnlyCollection<string> extra) =>
        extra.Count == 0 ? notes : (notes is null ? "" : notes + "\n") + label + ": " + string.Join(", ", extra);
}
