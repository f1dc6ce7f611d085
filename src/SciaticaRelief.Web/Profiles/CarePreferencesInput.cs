using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Web.Profiles;

/// <summary>Care preferences as the API and the profile form send them: wire names as text, so a bad value gets a field message rather than a parse error.</summary>
public sealed record CarePreferencesRequest(int? PressureTolerance, string? Setting, string? Budget, int? MinutesPerDay);

/// <summary>Turns submitted preferences into <see cref="CarePreferences"/>, naming each missing or unknown field; range and contradiction checks are Core's.</summary>
public static class CarePreferencesInput
{
    public static IReadOnlyList<(SettingPreference Value, string Id, string Label)> Settings { get; } =
    [
        (SettingPreference.Either, "either", "Either"),
        (SettingPreference.Home, "home", "At home"),
        (SettingPreference.Therapist, "therapist", "With a therapist"),
    ];

    public static IReadOnlyList<(CostTier Value, string Id, string Label)> Budgets { get; } =
    [
        (CostTier.Free, "free", "Free only"),
        (CostTier.Low, "low", "Low"),
        (CostTier.Moderate, "moderate", "Moderate"),
        (CostTier.High, "high", "Any"),
    ];

    public static string IdOf(SettingPreference s) => Settings.First(x => x.Value == s).Id;

    public static string IdOf(CostTier c) => Budgets.First(x => x.Value == c).Id;

    public static bool TryParseBudget(string? id, out CostTier budget)
    {
        var found = Budgets.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));
        budget = found.Value;
        return found.Id is not null;
    }

    /// <summary>The preferences, or null with the errors added when a field is missing or unknown.</summary>
    public static CarePreferences? Read(CarePreferencesRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.All.Count();
        if (request.PressureTolerance is null)
        {
            errors.Add("pressureTolerance", "Give the firmest pressure you find comfortable, from 1 (gentle) to 5 (firm).");
        }
        var setting = Settings.FirstOrDefault(s => string.Equals(s.Id, request.Setting, StringComparison.Ordinal));
        if (setting.Id is null)
        {
            errors.Add("setting", "Choose at home, with a therapist, or either.");
        }
        if (!TryParseBudget(request.Budget, out var budget))
        {
            errors.Add("budget", "Choose a budget: free, low, moderate or high.");
        }
        if (request.MinutesPerDay is null)
        {
            errors.Add("minutesPerDay", $"Give the minutes a day you have for home care, from 0 to {CarePreferences.MaxMinutesPerDay}.");
        }
        return errors.All.Count() > before
            ? null
            : new CarePreferences(request.PressureTolerance!.Value, setting.Value, budget, request.MinutesPerDay!.Value);
    }
}
