using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Profiles;

/// <summary>A profile edit as submitted.</summary>
/// <param name="Preferences">New care preferences; null leaves the stored ones as they are.</param>
public sealed record ProfileInput(string? RegionCode, string? TimeZoneId, int? BirthYear, HealthCondition Conditions, CarePreferences? Preferences = null);

public static class ProfileValidator
{
    /// <summary>NICE NG59 covers people aged 16 and over; the product is not for younger people.</summary>
    public const int MinimumAge = 16;

    public static ValidationErrors Validate(ProfileInput input, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (!Regions.TryGet(input.RegionCode, out _))
        {
            errors.Add("regionCode", "Choose your country from the list (it sets the emergency number we show).");
        }
        if (!LocalTime.TryFindZone(input.TimeZoneId, out _))
        {
            errors.Add("timeZoneId", "Choose a time zone from the list, such as Europe/London.");
        }
        if (input.BirthYear is { } year)
        {
            if (year < currentYear - 120 || year > currentYear)
            {
                errors.Add("birthYear", $"Birth year must be between {currentYear - 120} and {currentYear}.");
            }
            else if (IsUnderMinimumAge(year, currentYear))
            {
                errors.Add("birthYear", UnderAgeMessage);
            }
        }
        var known = HealthConditions.All.Aggregate(HealthCondition.None, (a, i) => a | i.Condition);
        if ((input.Conditions & ~known) != 0)
        {
            errors.Add("conditions", "Unknown health condition.");
        }
        if (input.Preferences is { } preferences)
        {
            errors.AddAll(preferences.Validate());
        }
        return errors;
    }

    /// <summary>
    /// True when the Person is certainly under 16: born after (this year − 16). Someone born exactly
    /// 16 years ago may not have had the birthday yet; the birth year alone cannot tell, so they pass.
    /// </summary>
    public static bool IsUnderMinimumAge(int birthYear, int currentYear) => currentYear - birthYear < MinimumAge;

    public const string UnderAgeMessage =
        "Sciatica Relief is for people aged 16 and over (the NICE guideline it follows, NG59, covers over-16s). " +
        "If you are younger, please talk to a parent or carer and your doctor about your pain.";
}
