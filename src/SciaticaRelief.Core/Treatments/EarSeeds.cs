using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Treatments;

/// <summary>Seeds put on one ear, as submitted.</summary>
/// <param name="RemoveBy">When to take them off; null means <see cref="EarSeedRules.DefaultWear"/> after they went on.</param>
/// <param name="SkinRedOrBroken">The Person says the skin there is red or broken (asked on the form, not stored).</param>
public sealed record EarSeedInput(
    Ear? Ear,
    IReadOnlyList<string> Points,
    DateTimeOffset? AppliedAt = null,
    DateTime? AppliedAtLocal = null,
    DateTimeOffset? RemoveBy = null,
    string? Notes = null,
    bool SkinRedOrBroken = false);

/// <summary>An application that passed validation.</summary>
public sealed record EarSeedValues(Ear Ear, IReadOnlyList<string> Points, DateTime AppliedAtUtc, DateTime RemoveByUtc, string? Notes);

/// <summary>What the ear-seed rules look at.</summary>
/// <param name="SkinRedOrBroken">Said on the form when putting seeds on or pressing them.</param>
/// <param name="OverdueSinceUtc">Still on after the take-off-by time (null when not).</param>
public sealed record EarSeedSituation(bool SkinRedOrBroken, HealthCondition Conditions, DateTime? OverdueSinceUtc = null)
{
    public bool Has(HealthCondition condition) => (Conditions & condition) == condition;
}

/// <summary>One row of the ear-seed table.</summary>
public sealed record EarSeedRule(string Id, WarningLevel Level, string Message, string Source, Func<EarSeedSituation, bool> Fires, WarningAction Action = WarningAction.None);

/// <summary>
/// Ear seeds (CLINICAL.md section 5): on one ear at some points, worn up to 5 days by default, taken
/// off when the skin is red or broken; ask first in pregnancy. Validation of an application, and
/// the warning rules, each with an id and a source.
/// </summary>
public static class EarSeedRules
{
    private const string Wear = "Common advice on ear seeds from secondary sources: wear them up to 5 days, then rest the skin 1-2 days; take them off if the skin is red or broken; ask first in pregnancy [P]. A study kept seeds on for 7 days (Yeh et al., Evid Based Complement Alternat Med 2012, doi:10.1155/2012/383257)";

    /// <summary>The default wear before taking seeds off.</summary>
    public static readonly TimeSpan DefaultWear = TimeSpan.FromDays(5);

    /// <summary>The longest wear accepted: the trials' 7 days.</summary>
    public static readonly TimeSpan MaxWear = TimeSpan.FromDays(7);

    public const int MaxPoints = 6;

    public static IReadOnlyList<EarSeedRule> All { get; } =
    [
        new("EAR-SKIN-RED-OR-BROKEN", WarningLevel.Warning,
            "The skin under the seeds is red or broken: take the seeds off and let the skin heal before putting any on again.",
            Wear, s => s.SkinRedOrBroken, WarningAction.TakeOffSeeds),
        new("EAR-PREGNANCY", WarningLevel.Caution,
            "You are pregnant: ask your midwife or doctor before using ear seeds.",
            Wear, s => s.Has(HealthCondition.Pregnancy)),
        new("EAR-OVERDUE", WarningLevel.Caution,
            "These seeds are past their take-off date: take them off and let the skin rest for a day or two.",
            Wear, s => s.OverdueSinceUtc is not null, WarningAction.TakeOffSeeds),
    ];

    public static IReadOnlyList<TreatmentWarning> Evaluate(EarSeedSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return [.. All.Where(r => r.Fires(situation)).OrderByDescending(r => r.Level).Select(r => new TreatmentWarning(r.Id, r.Level, r.Message, r.Source, r.Action))];
    }

    public static Validated<EarSeedValues> Validate(EarSeedInput input, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.Ear is not { } ear || !Enum.IsDefined(ear))
        {
            errors.Add("ear", "Choose the ear: left or right.");
        }
        var points = new List<string>();
        if (input.Points.Count == 0)
        {
            errors.Add("points", "Choose at least one point.");
        }
        foreach (var p in input.Points)
        {
            if (Treatments.Points.FindEar(p) is not { } info)
            {
                errors.Add("points", $"Unknown ear point \"{(p ?? "").Trim()}\": use one of {string.Join(", ", Treatments.Points.Ear.Select(x => x.Id))}.");
            }
            else if (points.Contains(info.Id, StringComparer.Ordinal))
            {
                errors.Add("points", $"{info.Name} is listed twice.");
            }
            else
            {
                points.Add(info.Id);
            }
        }
        if (points.Count > MaxPoints)
        {
            errors.Add("points", $"At most {MaxPoints} points on one ear.");
        }
        var notes = TextRules.Clean(input.Notes, "notes", "Notes", TextRules.NotesMaxLength, errors);

        var applied = input.AppliedAt?.UtcDateTime
            ?? (input.AppliedAtLocal is { } local ? LocalTime.ToUtc(local, zone).Utc : DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        if (applied > nowUtc + TreatmentValidator.FutureTolerance)
        {
            errors.Add("appliedAt", "The time the seeds went on cannot be in the future.");
        }
        else if (applied < CheckInValidator.Earliest)
        {
            errors.Add("appliedAt", "The time the seeds went on cannot be before the year 2000.");
        }
        var removeBy = input.RemoveBy?.UtcDateTime ?? applied + DefaultWear;
        if (removeBy <= applied)
        {
            errors.Add("removeBy", "The take-off-by time must be after the seeds went on.");
        }
        else if (removeBy - applied > MaxWear)
        {
            errors.Add("removeBy", "Seeds are worn for up to 7 days at most (5 is usual): choose an earlier take-off-by time.");
        }
        return errors.IsEmpty
            ? new Validated<EarSeedValues>(new EarSeedValues(input.Ear!.Value, points, applied, removeBy, notes), errors)
            : new Validated<EarSeedValues>(null, errors);
    }

    /// <summary>Checks a take-off time: after the seeds went on and not in the future.</summary>
    public static ValidationErrors ValidateTakeOff(EarSeedApplication application, DateTime removedAtUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(application);
        var errors = new ValidationErrors();
        if (application.RemovedAtUtc is not null)
        {
            errors.Add("removedAt", "These seeds were already taken off.");
        }
        else if (removedAtUtc < application.AppliedAtUtc)
        {
            errors.Add("removedAt", "The seeds cannot come off before they went on.");
        }
        else if (removedAtUtc > nowUtc + TreatmentValidator.FutureTolerance)
        {
            errors.Add("removedAt", "The time the seeds came off cannot be in the future.");
        }
        return errors;
    }

    /// <summary>Checks that a press belongs to seeds that were on at that time.</summary>
    public static ValidationErrors ValidatePress(EarSeedApplication? application, DateTime pressedAtUtc)
    {
        var errors = new ValidationErrors();
        if (application is null)
        {
            errors.Add("earSeedApplicationId", "There is no such ear-seed application (it may have been deleted).");
        }
        else if (pressedAtUtc < application.AppliedAtUtc)
        {
            errors.Add("startedAt", "A press cannot be before the seeds went on.");
        }
        else if (application.RemovedAtUtc is { } removed && pressedAtUtc > removed)
        {
            errors.Add("earSeedApplicationId", "These seeds were taken off before that time: put new seeds on to press them.");
        }
        return errors;
    }
}
