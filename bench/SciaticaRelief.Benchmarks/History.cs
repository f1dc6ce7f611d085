using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Benchmarks;

/// <summary>
/// A plausible journal: <c>perDay</c> check-ins a local day (morning, midday, evening), pain easing
/// slowly with day-to-day noise, pain down the left leg, and the red-flag answers a check-in asks,
/// each with its triage as the app would store it. Fixed seed: every run measures the same rows.
/// </summary>
public static class History
{
    private static readonly RedFlagQuestion[] Asked =
    [
        RedFlagQuestion.SaddleNumbness, RedFlagQuestion.BladderControl, RedFlagQuestion.BowelControl,
        RedFlagQuestion.BothLegs, RedFlagQuestion.LegWeakness,
    ];

    private static readonly TimeOnly[] Times = [new(8, 0), new(13, 30), new(21, 0), new(17, 0), new(10, 30), new(23, 0)];

    public static IReadOnlyDictionary<RedFlagQuestion, Answer> NoRedFlags { get; } =
        Asked.ToDictionary(q => q, _ => Answer.No);

    /// <summary>The check-in the write benchmarks post: a typical one, with no red flag.</summary>
    public static CheckInInput TypicalInput(DateTimeOffset occurredAt) => new()
    {
        OccurredAt = occurredAt,
        PainNow = 5,
        PainWorst = 7,
        PainAverage = 4,
        Areas = [new BodyArea(BodyRegion.Buttock, Side.Left), new BodyArea(BodyRegion.Thigh, Side.Left), new BodyArea(BodyRegion.Calf, Side.Left)],
        Qualities = PainQuality.Shooting | PainQuality.Tingling,
        Triggers = Trigger.Sitting | Trigger.Driving,
        SleepHours = 6.5,
        Stress = 4,
        Notes = "Walked 20 minutes after lunch; easier after the nerve glides.",
        RedFlags = NoRedFlags,
    };

    public static IEnumerable<(CheckIn CheckIn, TriageAssessment Assessment)> Generate(
        Guid personId, string timeZoneId, int years, int perDay, DateTime endUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perDay);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perDay, Times.Length);
        var zone = LocalTime.TryFindZone(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var random = new Random(42);
        var lastDay = LocalTime.LocalDay(endUtc, zone);
        var firstDay = lastDay.AddYears(-years).AddDays(1);
        var totalDays = lastDay.DayNumber - firstDay.DayNumber + 1;
        var input = new TriageInput(NoRedFlags, HealthCondition.None, Age: 45);
        var result = TriageEngine.Evaluate(input);
        var leg = BodyMap.ToBits([new BodyArea(BodyRegion.Buttock, Side.Left), new BodyArea(BodyRegion.Thigh, Side.Left)]);
        var calf = BodyMap.ToBits([new BodyArea(BodyRegion.Calf, Side.Left)]);

        for (var d = 0; d < totalDays; d++)
        {
            var day = firstDay.AddDays(d);
            var baseline = 7.0 - (4.0 * d / totalDays);
            for (var i = 0; i < perDay; i++)
            {
                var local = day.ToDateTime(Times[i]).AddMinutes(random.Next(-40, 41));
                var utc = LocalTime.ToUtc(local, zone).Utc;
                if (utc > endUtc)
                {
                    continue;
                }
                var painNow = Math.Clamp((int)Math.Round(baseline + (random.NextDouble() * 3) - 1.5), 0, 10);
                var areas = random.Next(4) == 0 ? leg | calf : leg;
                var checkIn = new CheckIn
                {
                    PersonId = personId,
                    Id = Guid.CreateVersion7(new DateTimeOffset(utc)),
                    OccurredAtUtc = utc,
                    TimeZoneId = timeZoneId,
                    LocalDate = LocalTime.LocalDay(utc, zone),
                    PainNow = painNow,
                    PainWorst = Math.Min(10, painNow + random.Next(0, 3)),
                    PainAverage = painNow,
                    BodyAreas = areas,
                    Radiation = BodyMap.RadiationOf(areas),
                    Qualities = PainQuality.Shooting | (random.Next(3) == 0 ? PainQuality.Tingling : PainQuality.None),
                    Triggers = random.Next(2) == 0 ? Trigger.Sitting : Trigger.Sitting | Trigger.Bending,
                    SleepHours = i == 0 ? 5 + (random.Next(0, 7) / 2.0) : null,
                    Stress = random.Next(0, 8),
                    Notes = random.Next(5) == 0 ? "Physio exercises done." : null,
                    CreatedAtUtc = utc,
                    UpdatedAtUtc = utc,
                    Version = 1,
                };
                var assessment = TriageAssessment.From(personId, Guid.CreateVersion7(new DateTimeOffset(utc)), utc, input, result, AssessmentSource.CheckIn);
                assessment.CheckInId = checkIn.Id;
                yield return (checkIn, assessment);
            }
        }
    }
}
