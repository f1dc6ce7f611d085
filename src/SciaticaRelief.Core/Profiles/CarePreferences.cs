using System.Text.Json.Serialization;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Profiles;

/// <summary>Where the Person wants care: at home, with a therapist, or either.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SettingPreference>))]
public enum SettingPreference
{
    [JsonStringEnumMemberName("either")] Either = 0,
    [JsonStringEnumMemberName("home")] Home = 1,
    [JsonStringEnumMemberName("therapist")] Therapist = 2,
}

/// <summary>
/// What the Person prefers, as the recommendation engine reads it. Stored on the Profile; a Person
/// who never set them gets <see cref="Default"/>.
/// </summary>
/// <param name="PressureTolerance">The firmest pressure they find comfortable, 1 (gentle) to 5 (firm).</param>
/// <param name="Setting">At home, with a therapist, or either.</param>
/// <param name="Budget">The most they want to spend: free, low, moderate or high (any).</param>
/// <param name="MinutesPerDay">Time for home care a day, 0 to 240.</param>
public sealed record CarePreferences(int PressureTolerance, SettingPreference Setting, CostTier Budget, int MinutesPerDay)
{
    public static CarePreferences Default { get; } = new(3, SettingPreference.Either, CostTier.High, 20);

    public const int MaxMinutesPerDay = 240;

    /// <summary>Out-of-range values and choices that contradict each other, each with its field.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (PressureTolerance is < 1 or > 5)
        {
            errors.Add("pressureTolerance", "Pressure tolerance must be from 1 (gentle) to 5 (firm).");
        }
        if (!Enum.IsDefined(Setting))
        {
            errors.Add("setting", "Choose at home, with a therapist, or either.");
        }
        if (!Enum.IsDefined(Budget))
        {
            errors.Add("budget", "Choose a budget: free, low, moderate or high.");
        }
        if (MinutesPerDay is < 0 or > MaxMinutesPerDay)
        {
            errors.Add("minutesPerDay", $"Minutes a day must be from 0 to {MaxMinutesPerDay}.");
        }
        if (errors.IsEmpty && Setting == SettingPreference.Therapist && Budget == CostTier.Free)
        {
            errors.Add("budget", "A therapist's session is not free: choose a budget above free, or home care.");
        }
        if (errors.IsEmpty && Setting == SettingPreference.Home && MinutesPerDay == 0)
        {
            errors.Add("minutesPerDay", "Home care needs some time each day: give the minutes you have, or choose a therapist.");
        }
        return errors;
    }
}
