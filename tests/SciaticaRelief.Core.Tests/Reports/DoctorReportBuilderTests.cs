using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Reports;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Reports;

public sealed class DoctorReportBuilderTests
{
    private const string Zone = "Europe/London";
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 28);
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime At(int day, int hour = 9) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    private static ReportInput Input(
        DateOnly? from = null, DateOnly? to = null,
        IReadOnlyList<ReportCheckIn>? checkIns = null, IReadOnlyList<TreatmentPoint>? treatments = null,
        IReadOnlyList<ReportMedicine>? medicines = null, IReadOnlyList<ReportTriage>? triage = null,
        IReadOnlyList<ReportResponse>? responses = null, IReadOnlyList<PlanItem>? plan = null) =>
        new(from ?? From, to ?? To, Zone, Now, checkIns ?? [], treatments ?? [], medicines ?? [], triage ?? [], responses ?? [], plan ?? []);

    private static ReportCheckIn CheckIn(int day, int pain, int? worst = null, int? average = null, Radiation reach = Radiation.None) =>
        new(At(day), Zone, pain, worst, average, reach);

    public static TheoryData<int[], int[], bool?, string> WeekCases => new()
    {
        { [5, 5], [3, 3], true, "5 → 3 is a 40% fall: important" },
        { [10], [7], true, "an exact 30% fall counts (Progress computes in decimal)" },
        { [10, 10], [7, 8], false, "10 → 7.5 is 2.5 points but only 25%: Progress judges by the 30% alone" },
        { [4], [4], false, "no change" },
        { [0], [0], false, "nothing to fall from" },
        { [], [3], null, "no check-in in the first week: not judged" },
        { [3], [], null, "no check-in in the last week: not judged" },
    };

    [Theory]
    [MemberData(nameof(WeekCases))]
    public void Build_FirstAndLastWeek_JudgedByProgress(int[] firstWeek, int[] lastWeek, bool? improved, string why)
    {
        var checkIns = firstWeek.Select((p, i) => CheckIn(1 + i, p)).Concat(lastWeek.Select((p, i) => CheckIn(22 + i, p))).ToList();

        var report = DoctorReportBuilder.Build(Input(checkIns: checkIns), ReportNames.Ids);

        Assert.True(improved == report.Pain.ImportantImprovement, why);
    }

    [Fact]
    public void Build_PeriodShorterThanTwoWeeks_NoWeekComparison()
    {
        var report = DoctorReportBuilder.Build(Input(to: From.AddDays(12), checkIns: [CheckIn(1, 8), CheckIn(13, 2)]), ReportNames.Ids);

        Assert.Null(report.Pain.ImportantImprovement);
        Assert.Null(report.Pain.FirstWeekMean);
    }

    [Fact]
    public void Build_DailySeries_IsTheInsightsOwn_WithWorstAndAverage()
    {
        // 3 Nov: pain now 4 and 6 (mean 5, as DailySeries); worst given once (8), the other counts its pain now.
        var checkIns = new[]
        {
            CheckIn(3, 4, worst: 8, average: 5, reach: Radiation.Thigh),
            new ReportCheckIn(At(3, 18), Zone, 6, null, 3, Radiation.BelowKnee),
            CheckIn(4, 7),
        };

        var report = DoctorReportBuilder.Build(Input(checkIns: checkIns), ReportNames.Ids);

        var expected = DailySeries.Compute(checkIns.Select(c => new PainPoint(c.AtUtc, c.TimeZoneId, c.PainNow, c.Radiation)));
        Assert.Equal(expected.Select(d => (d.Date, d.Pain, d.Trend)), report.Pain.Days.Select(d => (d.Date, d.Pain, d.Trend)));
        var third = report.Pain.Days[0];
        Assert.Equal(8, third.Worst);
        Assert.Equal(4, third.Average);
        Assert.Equal(7, report.Pain.Days[1].Worst); // no worst given: the day's pain now
        Assert.Null(report.Pain.Days[1].Average);
        Assert.Equal(Radiation.BelowKnee, report.Radiation.Furthest);
        Assert.Equal(new DateOnly(2026, 11, 3), report.Radiation.LatestDate);
        Assert.Equal(6, report.Pain.MeanPain);
        Assert.Equal(new DateOnly(2026, 11, 4), report.Pain.Worst!.Date);
    }

    public static TheoryData<string, TriageLevel, int, int, string[], string> RedFlagCases => new()
    {
        { "U-LEG-WEAKNESS", TriageLevel.Urgent, 20, 1, ["New or worsening weakness in one leg"], "one rule, its plain text" },
        { "U-LEG-WEAKNESS,E-CES-SADDLE", TriageLevel.Emergency, 20, 1, ["Numbness or tingling in the saddle area", "New or worsening weakness in one leg"], "most serious first" },
        { "", TriageLevel.SelfCare, 20, 0, [], "a check with nothing fired is no red flag" },
        { "U-LEG-WEAKNESS", TriageLevel.Urgent, 29, 0, [], "after the period" },
        { "X-RETIRED-RULE", TriageLevel.Routine, 5, 1, ["X-RETIRED-RULE"], "a rule no longer in the table keeps its id" },
    };

    [Theory]
    [MemberData(nameof(RedFlagCases))]
    public void Build_RedFlags_DatedWithTheRulesText(string fired, TriageLevel level, int day, int count, string[] reasons, string why)
    {
        var triage = new ReportTriage(day <= 28 ? At(day) : new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc), level, fired, false, AssessmentSource.SymptomCheck);

        var report = DoctorReportBuilder.Build(Input(triage: [triage]), ReportNames.Ids);

        Assert.True(count == report.RedFlags.Count, why);
        if (count == 1)
        {
            Assert.Equal(new DateOnly(2026, 11, day), report.RedFlags[0].Date);
            Assert.Equal(reasons, report.RedFlags[0].Reasons);
        }
    }

    private static readonly ScoringDefinition Odi = new()
    {
        InstrumentId = "odi",
        Title = "Oswestry Disability Index",
        Version = "2.1a",
        Rule = ScoringRule.OswestryPercentage,
        Source = "test",
        Items = [],
        TotalMin = 0,
        TotalMax = 100,
        Decimals = 1,
        Unit = "%",
        Bands = [new Band("minimal", "Minimal disability", 0, 20), new Band("moderate", "Moderate disability", 21, 40)],
        ImportantChange = new SciaticaRelief.Core.Questionnaires.ImportantChange(10, null),
    };

    private static readonly ReportNames OdiNames = new(id => id, id => id, id => id == "odi" ? new ReportInstrument(Odi.Title, Odi) : null);

    [Fact]
    public void Build_Scores_LatestAtTheEnd_WithBandAndChange()
    {
        var responses = new[]
        {
            new ReportResponse("odi", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), Zone, 50, "moderate"), // before the period: not the "earlier"
            new ReportResponse("odi", At(2), Zone, 36, "moderate"),
            new ReportResponse("odi", At(21), Zone, 18, "minimal"),
            new ReportResponse("odi", new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc), Zone, 10, "minimal"), // after the period
        };

        var score = Assert.Single(DoctorReportBuilder.Build(Input(responses: responses), OdiNames).Scores);

        Assert.Equal("Oswestry Disability Index", score.Title);
        Assert.Equal("18%", score.Score);
        Assert.Equal("Minimal disability", score.Band);
        Assert.Equal(new DateOnly(2026, 11, 21), score.Date);
        Assert.Equal("36%", score.Earlier);
        Assert.True(score.Change!.Important);
        Assert.True(score.Change.Better);
        Assert.Equal(2, score.Responses);
    }

    [Fact]
    public void Build_OnlyAScoreBeforeThePeriod_IsStillTheCurrentOne_WithoutChange()
    {
        var responses = new[] { new ReportResponse("odi", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), Zone, 32, "moderate") };

        var report = DoctorReportBuilder.Build(Input(responses: responses), OdiNames);

        var score = Assert.Single(report.Scores);
        Assert.Null(score.Earlier);
        Assert.Equal(0, score.Responses);
        Assert.False(report.HasData); // nothing happened in the period itself
    }

    [Fact]
    public void Build_Medicines_TotalsDaysAndMostInADay()
    {
        var medicines = new[]
        {
            new ReportMedicine(At(3, 8), Zone, [new MedicineDose("ibuprofen", null, 400), new MedicineDose("paracetamol", null, 1000)]),
            new ReportMedicine(At(3, 20), Zone, [new MedicineDose("ibuprofen", null, 200)]),
            new ReportMedicine(At(5, 8), Zone, [new MedicineDose("ibuprofen", null, 400)]),
            new ReportMedicine(new DateTime(2026, 10, 31, 8, 0, 0, DateTimeKind.Utc), Zone, [new MedicineDose("ibuprofen", null, 400)]), // before
        };

        var report = DoctorReportBuilder.Build(Input(medicines: medicines), new ReportNames(id => id, id => id.ToUpperInvariant(), _ => null));

        Assert.Equal(
            [("ibuprofen", "IBUPROFEN", 3, 2, 1000m, 600m), ("paracetamol", "PARACETAMOL", 1, 1, 1000m, 1000m)],
            report.Medicines.Select(m => (m.Ingredient, m.Name, m.Doses, m.DaysTaken, m.TotalMilligrams, m.MostInADay)));
    }

    public static TheoryData<RecurrenceKind, int, int?, bool, string> PlanCases => new()
    {
        { RecurrenceKind.Weekly, 2, null, true, "repeats with no end" },
        { RecurrenceKind.Daily, 2, 30, true, "ends after the period" },
        { RecurrenceKind.Daily, 2, 27, false, "ended before the period's last day" },
        { RecurrenceKind.Weekly, 40, null, true, "starts later: still the plan" },
        { RecurrenceKind.None, 20, null, false, "a one-off in the past" },
        { RecurrenceKind.None, 28, null, true, "a one-off on the last day" },
        { RecurrenceKind.None, 35, null, true, "an appointment to come" },
    };

    [Theory]
    [MemberData(nameof(PlanCases))]
    public void Build_Plan_ItemsInForceAtTheEnd(RecurrenceKind kind, int startDay, int? endDay, bool listed, string why)
    {
        var start = From.AddDays(startDay - 1);
        var recurrence = kind switch
        {
            RecurrenceKind.Weekly => new Recurrence(kind, 1, [DayOfWeek.Monday]),
            RecurrenceKind.Daily => Recurrence.Daily,
            RecurrenceKind.None => Recurrence.None,
            RecurrenceKind.EveryNWeeks => new Recurrence(kind, 2, [DayOfWeek.Monday]),
        };
        var item = new PlanItem(Guid.NewGuid(), PlanItemKind.MassageAppointment, null, null, null, null, start, new TimeOnly(18, 0), 60,
            recurrence, endDay is { } e ? From.AddDays(e - 1) : null, null, Zone);

        var report = DoctorReportBuilder.Build(Input(plan: [item]), ReportNames.Ids);

        Assert.True(listed == (report.Plan.Count == 1), why);
        if (listed)
        {
            Assert.Equal("Massage appointment", report.Plan[0].Title);
        }
    }

    [Fact]
    public void Build_Treatments_CountedInThePeriod_WithTheInsightsEffect()
    {
        var treatments = new[] { 3, 5, 7, 9, 11, 40 }
            .Select(d => new TreatmentPoint(Guid.NewGuid(), "swedish-massage", TreatmentKind.Massage,
                new DateTime(2026, 10, 1, 18, 0, 0, DateTimeKind.Utc).AddDays(d + 30), Zone, 7, 5, null))
            .ToList();

        var report = DoctorReportBuilder.Build(Input(treatments: treatments), new ReportNames(_ => "Swedish massage", id => id, _ => null));

        var entry = Assert.Single(report.Treatments);
        Assert.Equal(5, entry.Count); // 9 Dec is after the period
        Assert.Equal("Swedish massage", entry.Name);
        Assert.Equal(new DateOnly(2026, 11, 3), entry.First);
        Assert.Equal(-2, entry.Effect!.Immediate.Mean);
        Assert.True(report.HasData);
    }

    [Fact]
    public void Build_NothingLogged_HasNoData()
    {
        var report = DoctorReportBuilder.Build(Input(), ReportNames.Ids);

        Assert.False(report.HasData);
        Assert.Empty(report.Pain.Days);
        Assert.Null(report.Pain.MeanPain);
        Assert.Null(report.Radiation.Furthest);
        Assert.Equal(RadiationDirection.NotEnoughData, report.Radiation.Trend.Direction);
    }

    [Fact]
    public void Build_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() => DoctorReportBuilder.Build(Input(from: To, to: From), ReportNames.Ids));
}
