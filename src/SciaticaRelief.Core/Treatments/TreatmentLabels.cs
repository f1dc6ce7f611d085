namespace SciaticaRelief.Core.Treatments;

/// <summary>English labels (localisation keys) for the treatment log's choices.</summary>
public static class TreatmentLabels
{
    public static string Label(SideEffectSign sign) => sign switch
    {
        SideEffectSign.BruiseSpreading => "A bruise is spreading",
        SideEffectSign.BruiseAwayFromTreatedArea => "Bruises where I was not treated",
        SideEffectSign.VerySwollen => "A bruise is very swollen",
        SideEffectSign.CalfSwelling => "A swollen or painful calf",
        SideEffectSign.DarkUrine => "Dark (tea-coloured) urine",
        SideEffectSign.BleedingGumsOrNose => "Bleeding gums or nosebleeds",
        SideEffectSign.NewNumbness => "New numbness",
        SideEffectSign.NewWeakness => "New weakness in a leg or foot",
        _ => sign.ToString(),
    };

    public static string Label(BruiseSize size) => size switch
    {
        BruiseSize.None => "No bruising",
        BruiseSize.Small => "Small: marks smaller than a coin",
        BruiseSize.Medium => "Medium: up to the size of a palm",
        BruiseSize.Large => "Large: bigger than a palm",
    };

    public static string Label(PointFeeling feeling) => feeling switch
    {
        PointFeeling.Nothing => "Nothing much",
        PointFeeling.DullAche => "A dull ache",
        PointFeeling.Relief => "Relief",
        PointFeeling.Tender => "Tender",
        PointFeeling.Sharp => "Sharp",
    };

    public static string Label(Ear ear) => ear switch
    {
        Ear.Left => "Left ear",
        Ear.Right => "Right ear",
    };
}
