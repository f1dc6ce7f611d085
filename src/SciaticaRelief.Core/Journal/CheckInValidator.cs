using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Journal;

/// <summary>A check-in that passed validation, ready to store and to triage.</summary>
/// <param name="Time">The instant and whether a local time had to be shifted or disambiguated.</param>
/// <param name="BodyAreas">The body map as bits.</param>
/// <param name="RedFlags">Answers, with both-legs presumed yes where the map shows both legs and it was not answered.</param>
/// <param name="BothLegsPresumed">True when that presumption was made.</param>
public sealed record CheckInValues(
    ResolvedTime Time,
    int PainNow,
    int? PainWorst,
    int? PainAverage,
    int BodyAreas,
    PainQuality Qualities,
    Trigger Triggers,
    double? SleepHours,
    int? Stress,
    string? Notes,
    IReadOnlyDictionary<RedFlagQuestion, Answer> RedFlags,
    bool BothLegsPresumed)
{
    public void ApplyTo(CheckIn entry, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.OccurredAtUtc = Time.Utc;
        entry.TimeZoneId = timeZoneId;
        entry.StampLocalDate();
        entry.PainNow = PainNow;
        entry.PainWorst = PainWorst;
        entry.PainAverage = PainAverage;
        entry.BodyAreas = BodyAreas;
        entry.Radiation = BodyMap.RadiationOf(BodyAreas);
        entry.Qualities = Qualities;
        entry.Triggers = Triggers;
        entry.SleepHours = SleepHours;
        entry.Stress = Stress;
        entry.Notes = Notes;
    }
}

public static class CheckInValidator
{
    /// <summary>Clock skew allowed for "now" from a phone or another machine.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <summary>The earliest instant a check-in may have (imports of old diaries reach back years, not decades).</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Validated<CheckInValues> Validate(CheckInInput input, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();

        errors.Range("painNow", "Pain now", input.PainNow, 0, 10, required: true);
        errors.Range("painWorst", "Worst pain", input.PainWorst, 0, 10);
        errors.Range("painAverage", "Average pain", input.PainAverage, 0, 10);
        if (input.PainWorst is { } worst && worst is >= 0 and <= 10)
        {
            if (input.PainNow is { } now && now is >= 0 and <= 10 && now > worst)
            {
                errors.Add("painWorst", "Worst pain cannot be lower than pain now.");
            }
            if (input.PainAverage is { } avg && avg is >= 0 and <= 10 && avg > worst)
            {
                errors.Add("painAverage", "Average pain cannot be higher than worst pain.");
            }
        }
        errors.Range("stress", "Stress", input.Stress, 0, 10);
        if (input.SleepHours is { } sleep && (!double.IsFinite(sleep) || sleep < 0 || sleep > 24))
        {
            errors.Add("sleepHours", "Hours of sleep must be from 0 to 24.");
        }
        var notes = TextRules.Clean(input.Notes, "notes", "Notes", TextRules.NotesMaxLength, errors);

        var time = ResolveTime(input, nowUtc, zone);
        if (time.Utc > nowUtc + FutureTolerance)
        {
            errors.Add("occurredAt", "The time of a check-in cannot be in the future.");
        }
        else if (time.Utc < Earliest)
        {
            errors.Add("occurredAt", "The time of a check-in cannot be before the year 2000.");
        }

        // Values outside the enums' names (a number where JSON allows one) are refused here, before
        // they can reach the body map's bits or triage.
        if (input.Areas.Any(a => !Enum.IsDefined(a.Region) || !Enum.IsDefined(a.Side)))
        {
            errors.Add("areas", "Unknown body area: use low-back, buttock, thigh, calf or foot, on the left, right or both sides.");
        }
        if (input.RedFlags.Any(kv => !Enum.IsDefined(kv.Key) || !Enum.IsDefined(kv.Value)))
        {
            errors.Add("redFlags", "Unknown red-flag question or answer: answers are yes, no or unsure.");
        }
        if ((input.Qualities & ~FlagLists.All<PainQuality>()) != 0)
        {
            errors.Add("qualities", "Unknown pain quality.");
        }
        if ((input.Triggers & ~FlagLists.All<Trigger>()) != 0)
        {
            errors.Add("triggers", "Unknown trigger.");
        }
        if (!errors.IsEmpty)
        {
            return new Validated<CheckInValues>(null, errors);
        }

        var bits = BodyMap.ToBits(input.Areas);
        if (input.NoneOfThese && BodyMap.BothLegs(bits) && !input.RedFlags.ContainsKey(RedFlagQuestion.BothLegs))
        {
            // Symptoms in both legs can be an emergency sign: a blanket "no" must not answer that question.
            errors.Add(RedFlagAnswers.NoneField, "You marked pain or symptoms in both legs: answer the both-legs question itself rather than \"None of these\".");
            return new Validated<CheckInValues>(null, errors);
        }
        var flags = RedFlagAnswers.Resolve(input.RedFlags, input.NoneOfThese, input.Asked, errors);
        var presumed = false;
        if (BodyMap.BothLegs(bits) && !flags.ContainsKey(RedFlagQuestion.BothLegs))
        {
            flags[RedFlagQuestion.BothLegs] = Answer.Yes;
            presumed = true;
        }
        if (!errors.IsEmpty)
        {
            return new Validated<CheckInValues>(null, errors);
        }
        return new Validated<CheckInValues>(
            new CheckInValues(time, input.PainNow!.Value, input.PainWorst, input.PainAverage, bits,
                input.Qualities, input.Triggers, input.SleepHours, input.Stress, notes, flags, presumed),
            errors);
    }

    private static ResolvedTime ResolveTime(CheckInInput input, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (input.OccurredAt is { } instant)
        {
            return new ResolvedTime(instant.UtcDateTime, false, false);
        }
        if (input.OccurredAtLocal is { } local)
        {
            return LocalTime.ToUtc(local, zone);
        }
        return new ResolvedTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), false, false);
    }
}
