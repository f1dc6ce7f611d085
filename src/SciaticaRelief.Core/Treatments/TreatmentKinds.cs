namespace SciaticaRelief.Core.Treatments;

/// <summary>Wire names and labels of <see cref="TreatmentKind"/>: the names content files and the API use.</summary>
public static class TreatmentKinds
{
    public static IReadOnlyList<TreatmentKind> All { get; } = Enum.GetValues<TreatmentKind>();

    public static string WireName(this TreatmentKind kind) => kind switch
    {
        TreatmentKind.Massage => "massage",
        TreatmentKind.Acupressure => "acupressure",
        TreatmentKind.Acupuncture => "acupuncture",
        TreatmentKind.EarSeeds => "ear-seeds",
        TreatmentKind.Machine => "machine",
        TreatmentKind.HeatOrCold => "heat-or-cold",
        TreatmentKind.Rest => "rest",
        TreatmentKind.Medicine => "medicine",
        TreatmentKind.Other => "other",
    };

    /// <summary>A heading for the kind, as the log form groups the modalities.</summary>
    public static string Label(this TreatmentKind kind) => kind switch
    {
        TreatmentKind.Massage => "Massage",
        TreatmentKind.Acupressure => "Acupressure",
        TreatmentKind.Acupuncture => "Acupuncture",
        TreatmentKind.EarSeeds => "Ear seeds",
        TreatmentKind.Machine => "Massage machines",
        TreatmentKind.HeatOrCold => "Heat or cold",
        TreatmentKind.Rest => "Rest and activity",
        TreatmentKind.Medicine => "Over-the-counter medicine",
        TreatmentKind.Other => "Something else",
    };

    public static bool TryParse(string? text, out TreatmentKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(text, k.WireName(), StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
