using System.Text.Json.Serialization;

namespace SciaticaRelief.Core.Profiles;

/// <summary>
/// The health context of a Profile: conditions that change triage and make care unsafe (the
/// content's contraindication rules name them by wire id; <see cref="Safety.CareSafety"/> applies
/// them). Stored as bit flags; the wire names are a stable contract.
/// </summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<HealthCondition>))]
public enum HealthCondition
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("pregnancy")] Pregnancy = 1 << 0,
    [JsonStringEnumMemberName("anticoagulants-or-bleeding-disorder")] AnticoagulantsOrBleedingDisorder = 1 << 1,
    [JsonStringEnumMemberName("reduced-sensation")] ReducedSensation = 1 << 2,
    [JsonStringEnumMemberName("osteoporosis")] Osteoporosis = 1 << 3,
    [JsonStringEnumMemberName("past-cancer")] PastCancer = 1 << 4,
    [JsonStringEnumMemberName("recent-surgery")] RecentSurgery = 1 << 5,
    [JsonStringEnumMemberName("suspected-clot")] SuspectedClot = 1 << 6,
    [JsonStringEnumMemberName("skin-lesion-or-infection")] SkinLesionOrInfection = 1 << 7,
    [JsonStringEnumMemberName("implanted-device")] ImplantedDevice = 1 << 8,
    [JsonStringEnumMemberName("long-term-steroids")] LongTermSteroids = 1 << 9,
    [JsonStringEnumMemberName("immunosuppression")] Immunosuppression = 1 << 10,
    [JsonStringEnumMemberName("recent-fracture")] RecentFracture = 1 << 11,
}

/// <summary>Labels and wire ids of the health conditions, in the order the profile form shows them.</summary>
public static class HealthConditions
{
    public sealed record Info(HealthCondition Condition, string Id, string Label);

    public static IReadOnlyList<Info> All { get; } =
    [
        new(HealthCondition.Pregnancy, "pregnancy", "I am pregnant"),
        new(HealthCondition.AnticoagulantsOrBleedingDisorder, "anticoagulants-or-bleeding-disorder", "I take blood thinners (anticoagulants) or have a bleeding disorder"),
        new(HealthCondition.ReducedSensation, "reduced-sensation", "I have reduced feeling in my skin (for example diabetic neuropathy)"),
        new(HealthCondition.Osteoporosis, "osteoporosis", "I have osteoporosis (weak bones)"),
        new(HealthCondition.PastCancer, "past-cancer", "I have had cancer"),
        new(HealthCondition.RecentSurgery, "recent-surgery", "I had surgery in the last 3 months"),
        new(HealthCondition.SuspectedClot, "suspected-clot", "I have a swollen, painful calf (a possible blood clot)"),
        new(HealthCondition.SkinLesionOrInfection, "skin-lesion-or-infection", "I have a wound, rash or skin infection where I have pain"),
        new(HealthCondition.ImplantedDevice, "implanted-device", "I have a pacemaker or another implanted electronic device"),
        new(HealthCondition.LongTermSteroids, "long-term-steroids", "I have taken steroid tablets for a long time"),
        new(HealthCondition.Immunosuppression, "immunosuppression", "My immune system is weakened (by illness or medicine)"),
        new(HealthCondition.RecentFracture, "recent-fracture", "I have broken a bone in the last 3 months"),
    ];

    public static IEnumerable<HealthCondition> Split(HealthCondition flags) =>
        All.Select(i => i.Condition).Where(c => flags.HasFlag(c));

    public static bool TryParse(string id, out HealthCondition condition)
    {
        var info = All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
        condition = info?.Condition ?? HealthCondition.None;
        return info is not null;
    }

    public static string IdOf(HealthCondition condition) =>
        All.First(i => i.Condition == condition).Id;
}
