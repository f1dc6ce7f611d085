using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Journal;

/// <summary>What the pain feels like. Bit flags: several at once.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<PainQuality>))]
public enum PainQuality
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("shooting")] Shooting = 1 << 0,
    [JsonStringEnumMemberName("burning")] Burning = 1 << 1,
    [JsonStringEnumMemberName("aching")] Aching = 1 << 2,
    [JsonStringEnumMemberName("numbness")] Numbness = 1 << 3,
    [JsonStringEnumMemberName("tingling")] Tingling = 1 << 4,
    [JsonStringEnumMemberName("weakness")] Weakness = 1 << 5,
}

/// <summary>What made it worse. Bit flags: several at once.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<Trigger>))]
public enum Trigger
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("sitting")] Sitting = 1 << 0,
    [JsonStringEnumMemberName("standing")] Standing = 1 << 1,
    [JsonStringEnumMemberName("walking")] Walking = 1 << 2,
    [JsonStringEnumMemberName("bending")] Bending = 1 << 3,
    [JsonStringEnumMemberName("lifting")] Lifting = 1 << 4,
    [JsonStringEnumMemberName("coughing-or-sneezing")] CoughingOrSneezing = 1 << 5,
    [JsonStringEnumMemberName("driving")] Driving = 1 << 6,
    [JsonStringEnumMemberName("lying-down")] LyingDown = 1 << 7,
    [JsonStringEnumMemberName("exercise")] Exercise = 1 << 8,
    [JsonStringEnumMemberName("stress")] Stress = 1 << 9,
}

public static class FlagLists
{
    /// <summary>The single flags of a flags enum, without None.</summary>
    public static IEnumerable<T> Singles<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0);

    /// <summary>Every named flag of a flags enum, combined.</summary>
    public static T All<T>() where T : struct, Enum => Combine(Singles<T>());

    public static IEnumerable<T> Split<T>(T flags) where T : struct, Enum =>
        Singles<T>().Where(v => flags.HasFlag(v));

    public static T Combine<T>(IEnumerable<T> values) where T : struct, Enum
    {
        var bits = 0;
        foreach (var v in values)
        {
            bits |= Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
        }
        return (T)Enum.ToObject(typeof(T), bits);
    }

    public static string Label(PainQuality q) => q switch
    {
        PainQuality.Shooting => "Shooting",
        PainQuality.Burning => "Burning",
        PainQuality.Aching => "Aching",
        PainQuality.Numbness => "Numbness",
        PainQuality.Tingling => "Pins and needles (tingling)",
        PainQuality.Weakness => "Weakness",
        _ => q.ToString(),
    };

    public static string Label(Trigger t) => t switch
    {
        Trigger.Sitting => "Sitting",
        Trigger.Standing => "Standing",
        Trigger.Walking => "Walking",
        Trigger.Bending => "Bending",
        Trigger.Lifting => "Lifting",
        Trigger.CoughingOrSneezing => "Coughing or sneezing",
        Trigger.Driving => "Driving",
        Trigger.LyingDown => "Lying down",
        Trigger.Exercise => "Exercise",
        Trigger.Stress => "Stress",
        _ => t.ToString(),
    };
}
